using TagCenter.Core.Diagnostics;

namespace TagCenter.Core.Models;

/// <summary>
/// The data cannot give a model (too few persons or purchases, NaN, an optimiser that does not converge).
/// The message says why in the user's language; whoever trains names the model and keeps the previous version.
/// </summary>
public sealed class ModelFitException : TagCenterException
{
    public ModelFitException(string message) : base(message) { }

    public ModelFitException(string message, Exception inner) : base(message, inner) { }

    public ModelFitException() { }
}
