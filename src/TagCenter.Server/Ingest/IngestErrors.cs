using TagCenter.Core.Text;

namespace TagCenter.Server.Ingest;

/// <summary>Collects the errors of one request (capped) so a client learns every problem at once.</summary>
internal sealed class IngestErrors(int max)
{
    private readonly List<IngestError> _errors = [];

    public int Total { get; private set; }

    public void Add(int? index, string field, string code, params object?[] args)
    {
        Total++;
        if (_errors.Count < max)
            _errors.Add(new IngestError(index, field, code, Texts.T("server.ingest." + code, [field, .. args])));
    }

    public void ThrowIfAny()
    {
        if (Total > 0)
            throw new IngestValidationException(_errors, Total);
    }
}
