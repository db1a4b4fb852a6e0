using TagCenter.Core.Analysis;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Analysis;

/// <summary>Finds what <c>--by</c> names: a golden-record field of <c>dim_person</c>, else a tag (name or code) with a column in <c>person_tags</c>.</summary>
public static class Dimensions
{
    public static Dimension Resolve(WorkspaceDatabase db, TagCatalog? catalog, string name, int top = Dimension.DefaultTop)
    {
        if (top < 1)
            throw new AnalysisInputException(Texts.T("analysis.top.bad", top));
        var fields = Columns(db, "dim_person").Where(c => c != "oneid" && !c.EndsWith("__source", StringComparison.Ordinal) && !c.EndsWith("__line", StringComparison.Ordinal)).ToList();
        if (fields.Contains(name))
            return new Dimension(name, "dim_person", name, top);
        var tagColumns = Columns(db, "person_tags").Where(c => c != "oneid").ToHashSet(StringComparer.Ordinal);
        if (catalog?.Find(name) is { } tag && tagColumns.Contains(tag.Code))
            return new Dimension(tag.Name, "person_tags", tag.Code, top);
        if (catalog is null && tagColumns.Contains(name))
            return new Dimension(name, "person_tags", name, top);
        var tags = catalog?.Tags.Where(t => tagColumns.Contains(t.Code)).Select(t => t.Name).ToList() ?? [.. tagColumns];
        var known = fields.Concat(tags).ToList();
        var hint = Suggest.Closest(name, known.Concat(catalog?.Tags.Select(t => t.Code) ?? [])) is { } best ? Texts.T("analysis.didyoumean", best) : Texts.T("analysis.sentence.end");
        throw new NotFoundException(Texts.T("analysis.dimension.unknown", name, hint, string.Join(", ", known.Take(60))));
    }

    private static List<string> Columns(WorkspaceDatabase db, string table) =>
        db.TableExists(table)
            ? [.. db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = $1 AND database_name <> 'temp' ORDER BY column_index", table).Select(r => (string)r[0]!)]
            : [];
}
