using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;

namespace TagCenter.Core.Models;

/// <summary>Training one model failed; the message names the model and says that its previous version stays in use.</summary>
public sealed class ModelTrainingException : TagCenterException
{
    public ModelTrainingException(string model, string reason, Exception? inner = null)
        : base(Texts.T("models.train.failed", model, reason), inner ?? new ModelFitException(reason))
    {
        Model = model;
        Reason = reason;
    }

    public ModelTrainingException() => (Model, Reason) = ("", "");

    public ModelTrainingException(string message) : base(message) => (Model, Reason) = ("", message);

    public ModelTrainingException(string message, Exception inner) : base(message, inner) => (Model, Reason) = ("", message);

    public string Model { get; }

    public string Reason { get; }
}
