using TagCenter.Core.Index;
using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Index;

/// <summary>
/// The birthday column of the index (<see cref="PlanBuilder.BirthdayCode"/>): each person's golden birthday from
/// <c>dim_person</c> as days since 1970-01-01 (the date part, as the SQL of <c>age</c> takes it), so <c>age</c>
/// comparisons at any as-of are ranges over it. A person without a birthday (or without a golden record) has no value.
/// With the as-of of the tag run the index is built for, also the age column (<see cref="PlanBuilder.AgeCode"/>): the
/// same persons' ages in whole years on that date, which answer <c>age</c> at that date from a few slices.
/// </summary>
public static class BirthdayIndex
{
    /// <summary>The days since 1970-01-01 of a <c>birthday</c> value, in SQL.</summary>
    public const string Days = "date_diff('day', DATE '1970-01-01', CAST(p.birthday AS DATE))";

    /// <summary>
    /// The column's values of <paramref name="oneIds"/> as a rebuild would write them (a person without a birthday
    /// is left out), for real-time patches; null when <c>dim_person</c> has no birthday (the index has no column).
    /// </summary>
    public static Dictionary<string, long>? Read(WorkspaceDatabase db, IReadOnlyList<string> oneIds)
    {
        if (!HasColumn(db))
            return null;
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < oneIds.Count; i += 500)
        {
            var batch = oneIds.Skip(i).Take(500).ToArray();
            var sql = $"SELECT p.oneid, {Days} FROM dim_person p WHERE p.birthday IS NOT NULL AND p.oneid {Realtime.OneIdList.In(batch.Length, 1)}";
            foreach (var row in db.Rows(sql, batch))
                found[(string)row[0]!] = Convert.ToInt64(row[1]);
        }
        return found;
    }

    private static bool HasColumn(WorkspaceDatabase db) => db.TableExists("dim_person")
        && db.Scalar<long>("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'dim_person' AND column_name = 'birthday' AND database_name <> 'temp'") > 0;

    /// <summary>
    /// Writes the column for the persons of <paramref name="table"/> (ordinals assigned), and the age column on the date
    /// of <paramref name="ageAnchor"/> when given; empty when <c>dim_person</c> has no birthday.
    /// </summary>
    internal static IReadOnlyList<IndexManifestTag> Build(WorkspaceDatabase db, string table, DateTime? ageAnchor, IndexFileWriter writer, CancellationToken cancellationToken)
    {
        if (!HasColumn(db))
            return [];
        var from = $"""
            FROM dim_person p JOIN {PersonOrdinals.Table} o USING (oneid)
            WHERE p.birthday IS NOT NULL AND p.oneid IN (SELECT oneid FROM {SqlText.Ident(table)})
            """;
        var bounds = db.Rows($"SELECT min({Days}), max({Days}) {from}")[0];
        if (bounds[0] is null)
            return [];
        var (min, max) = (Convert.ToInt64(bounds[0]), Convert.ToInt64(bounds[1]));
        var birthdays = new BitSlicedIndexBuilder(min, max);
        // The oldest person is the eldest: ages run from the latest birthday's to the earliest's.
        var day = ageAnchor is { } anchor ? BsiEncoding.Encode(IndexEncoding.Days, anchor) : (long?)null;
        var ages = day is { } d ? new BitSlicedIndexBuilder(PlanBuilder.AgeOn(max, d), PlanBuilder.AgeOn(min, d)) : null;
        var sql = $"SELECT CAST(o.ordinal AS BIGINT), {Days} {from} ORDER BY 1";
        using (var command = db.Connection.CreateCommand())
        {
            command.CommandText = sql;
            try
            {
                using var reader = command.ExecuteReader();
                var rows = 0L;
                while (reader.Read())
                {
                    var (ordinal, birthday) = ((uint)reader.GetInt64(0), reader.GetInt64(1));
                    birthdays.Add(ordinal, birthday);
                    ages?.Add(ordinal, PlanBuilder.AgeOn(birthday, day!.Value));
                    if ((++rows & 0xFFFF) == 0)
                        cancellationToken.ThrowIfCancellationRequested();
                }
            }
            catch (System.Data.Common.DbException e)
            {
                throw new EngineException(e.Message, sql, e);
            }
        }
        var columns = new List<IndexManifestTag> { writer.Write(PlanBuilder.BirthdayCode, IndexEncoding.Days, birthdays.Build()) };
        if (ages is not null)
            columns.Add(writer.Write(PlanBuilder.AgeCode, IndexEncoding.Integer, ages.Build()));
        return columns;
    }
}
