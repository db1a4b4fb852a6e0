using TagCenter.Core.Diagnostics;
using TagCenter.Core.Models;
using TagCenter.Core.Sql;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// The rows of a model's fact it learns from: with a person, before the as-of time, inside its window and passing its
/// equality filters (values bound). Checks first that the fact and the columns it names exist.
/// </summary>
internal sealed class ModelFacts
{
    public ModelFacts(WorkspaceDatabase db, ModelDefinition model, DateTime asOf)
    {
        Input = model.Input ?? throw new ArgumentException($"model {model.Name} reads no fact", nameof(model));
        AsOf = asOf;
        var columns = db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = $1", Input.Table)
            .Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        if (columns.Count == 0)
            throw new ModelFitException(Texts.T("models.run.nofact", Input.Fact));
        var named = new[] { Input.Time, Input.Amount, Input.Category, Input.Basket }.OfType<string>().Concat(Input.Where.Keys);
        foreach (var column in named.Where(c => !columns.Contains(c)))
            throw new ModelFitException(Texts.T("models.run.nocolumn", Input.Table, column, Suggest.Hint(column, columns)));
    }

    public DateTime AsOf { get; }

    public ModelInput Input { get; }

    public SqlFragment Time => Ident(Input.Time);

    public SqlFragment Amount => Input.Amount is { } a ? Of($"coalesce(CAST({Ident(a)} AS DOUBLE), 0)") : Raw("1.0");

    public SqlFragment Category => Ident(Input.Category ?? "category");

    /// <summary><c>FROM fact_x WHERE …</c>, for events up to the as-of time and from <paramref name="windowDays"/> before it.</summary>
    public SqlFragment From(int? windowDays)
    {
        var conditions = new List<SqlFragment> { Raw("oneid IS NOT NULL"), Of($"{Time} < {SharedValue(AsOf)}") };
        if (windowDays is { } days)
            conditions.Add(Of($"{Time} >= {Value(AsOf.AddDays(-days))}"));
        foreach (var (column, value) in Input.Where.OrderBy(w => w.Key, StringComparer.Ordinal))
            conditions.Add(Of($"CAST({Ident(column)} AS VARCHAR) = {Value(value)}"));
        return Of($"FROM {Ident(Input.Table)} WHERE {Join(" AND ", conditions)}");
    }

    /// <summary><c>FROM fact_x WHERE …</c> for events strictly after <paramref name="after"/> and before the as-of time (a label window).</summary>
    public SqlFragment After(DateTime after)
    {
        var conditions = new List<SqlFragment> { Raw("oneid IS NOT NULL"), Of($"{Time} > {Value(after)}"), Of($"{Time} < {SharedValue(AsOf)}") };
        foreach (var (column, value) in Input.Where.OrderBy(w => w.Key, StringComparer.Ordinal))
            conditions.Add(Of($"CAST({Ident(column)} AS VARCHAR) = {Value(value)}"));
        return Of($"FROM {Ident(Input.Table)} WHERE {Join(" AND ", conditions)}");
    }

    /// <summary>Rows and an order-free hash of what the model reads: equal inputs, equal hash.</summary>
    public SqlFragment Hash(int? windowDays) =>
        Of($"SELECT count(*), coalesce(bit_xor(hash(oneid, {Time}, {Amount}, {(Input.Category is null ? Raw("NULL") : Category)})), 0) {From(windowDays)}");
}
