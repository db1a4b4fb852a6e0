using DuckDB.NET.Data;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>Appends one version's outputs to <c>model_outputs</c> with DuckDB's appender (a million rows in about a second).</summary>
internal sealed class ModelOutputWriter : IDisposable
{
    private readonly DuckDBAppender _appender;
    private readonly string _model;
    private readonly int _version;

    public ModelOutputWriter(WorkspaceDatabase db, string model, int version)
    {
        _appender = db.Connection.CreateAppender("model_outputs");
        _model = model;
        _version = version;
    }

    public void Number(string oneId, string output, double value) =>
        _appender.CreateRow().AppendValue(_model).AppendValue(_version).AppendValue(oneId).AppendValue(output).AppendValue(0)
            .AppendValue(value).AppendNullValue().EndRow();

    public void Text(string oneId, string output, string value, int position = 0) =>
        _appender.CreateRow().AppendValue(_model).AppendValue(_version).AppendValue(oneId).AppendValue(output).AppendValue(position)
            .AppendNullValue().AppendValue(value).EndRow();

    public void Dispose() => _appender.Dispose();
}
