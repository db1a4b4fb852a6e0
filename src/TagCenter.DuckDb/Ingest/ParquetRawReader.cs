using TagCenter.Core.Diagnostics;
using TagCenter.Core.Sql;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Ingest;

/// <summary>Parquet through DuckDB's reader; the row number within the file stands for the line.</summary>
internal sealed class ParquetRawReader : IRawReader
{
    public Task ReadAsync(RawReadContext context, CancellationToken cancellationToken)
    {
        var source = context.Source;
        var path = context.SourceFile;
        TextFiles.RequireExists(source.Name, path);
        var db = context.Database;
        List<string> available;
        try
        {
            available = db.Rows($"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet({SqlText.Literal(path)}))")
                .Select(r => (string)r[0]!).ToList();
        }
        catch (EngineException e)
        {
            throw new SourceLoadException(source.Name, Texts.T("ingest.parquet_unreadable", path, EngineErrors.Reason(e)), e);
        }
        var missing = source.Columns.Where(c => !available.Contains(c.From)).ToList();
        if (missing.Count > 0)
            throw new SourceLoadException(source.Name,
                Texts.T("ingest.parquet_no_column", path, string.Join(", ", missing.Select(c => $"'{c.From}'")), string.Join(", ", available)));
        var fields = string.Join(", ", source.Columns.Select(c => $"CAST({SqlText.Ident(c.From)} AS VARCHAR) AS {SqlText.Ident(c.Name)}"));
        context.CreateEmptyRejects();
        try
        {
            db.Execute($"""
                CREATE OR REPLACE TEMP TABLE tc_parquet AS
                SELECT file_row_number + 1 AS _line, {fields} FROM read_parquet({SqlText.Literal(path)}, file_row_number = true)
                """);
        }
        catch (EngineException e)
        {
            throw new SourceLoadException(source.Name, Texts.T("ingest.parquet_read_failed", path, EngineErrors.Reason(e)), e);
        }
        db.Execute($"CREATE OR REPLACE TEMP VIEW {RawReadContext.RawRelation} AS SELECT * FROM tc_parquet");
        return Task.CompletedTask;
    }
}
