using System.Diagnostics;
using TagCenter.Core.Sql;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Scale;

/// <summary>
/// <c>scale</c>: a servable workspace of <c>--persons</c> persons (issues #11 and #14 target 10M) cloned from a real
/// one, so distributions stay the demo's: every table keyed by person copied once per clone with distinct OneIDs,
/// identifiers and nodes (<see cref="PersonClones"/>), the rest once, then the bitmap index rebuilt by the product
/// (<see cref="TagIndexBuilder"/>), checked (<see cref="ScaleValidation"/>) and marked <c>.ready</c>.
/// </summary>
internal static class ScaleCommand
{
    private const long MinFreeBytes = 15L << 30;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var options = await ScaleOptions.ParseAsync(args);
        var total = Stopwatch.StartNew();
        Console.WriteLine($"scale: {options.Persons:N0} persons from {options.From} into {options.Out} (facts {options.Facts:0.##})");
        var source = SourceCounts.Read(options.From, options.Persons);
        var copied = WorkspaceFiles.Copy(options.From, options.Out);
        Console.WriteLine($"  copied the definition files and stores ({copied / 1e6:0.0} MB); left out: {string.Join(", ", WorkspaceFiles.LeftOutNames)}");
        using var db = WorkspaceDatabase.Open(options.OutDatabase);
        db.Execute($"""
            SET threads = {Environment.ProcessorCount}; SET preserve_insertion_order = false; SET memory_limit = '6GB';
            SET temp_directory = {SqlText.Literal(Path.Combine(options.Out, ".tagcenter", "tmp"))};
            ATTACH {SqlText.Literal(options.SourceDatabase)} AS src (READ_ONLY);
            """);
        var tables = ScaleSource.Tables(db);
        var clones = new PersonClones(db, options.Persons, options.Facts);
        var nonPersons = db.Scalar<long>("SELECT count(*) FROM src.identity_oneids i WHERE NOT EXISTS (SELECT 1 FROM temp.scale_persons p WHERE p.oneid = i.oneid)");
        Console.WriteLine($"  {clones.PerClone:N0} persons per clone × {clones.Copies} clones, the last truncated to {clones.Kept:N0}; {clones.FactClones} clones carry facts; node stride {clones.NodeStride:N0}");
        CheckDisk(options, tables, clones);
        foreach (var skipped in tables.Where(t => t.Kind == ScaleKind.Skipped))
            Console.WriteLine($"  skipped {skipped.Name} ({skipped.Rows:N0} rows): {skipped.Why}");
        foreach (var table in tables.Where(t => t.Kind != ScaleKind.Skipped))
        {
            var rows = 0L;
            var seconds = Measure.Seconds(() =>
            {
                db.Execute($"DROP TABLE IF EXISTS main.{SqlText.Ident(table.Name)}");
                db.Execute(table.CreateSql);
                rows = clones.Copy(table);
            });
            Console.WriteLine($"  {table.Name,-22} {table.Kind,-9} {table.Rows,12:N0} → {rows,13:N0} rows  {seconds,7:0.0} s");
            if (FreeBytes(options.Out) < MinFreeBytes)
                throw new InvalidOperationException($"less than 15 GB free on {options.Out}: stopping (try --facts 0.5)");
        }
        db.Execute("UPDATE tag_runs SET persons = (SELECT count(*) FROM person_tags) WHERE persons IS NOT NULL");
        db.Execute("UPDATE identity_runs SET persons = (SELECT count(*) FROM identity_oneids) WHERE persons IS NOT NULL");
        var runs = SegmentRunSizes.Recount(db, options.Persons, clones.PerClone);
        Console.WriteLine($"  tag_runs.persons and identity_runs.persons set to the scaled counts; {runs} segment_runs recounted from segment_members");
        db.Execute("DETACH src; CHECKPOINT");
        var index = TagIndexBuilder.Build(db, options.Out, TimeProvider.System);
        Console.WriteLine($"  index: {index.Tags} tags for {index.Persons:N0} persons, {index.Bytes / 1e6:0.0} MB in {index.Elapsed.TotalSeconds:0.0} s (not indexed: {string.Join(", ", index.Skipped)})");
        ScaleValidation.Check(db, options, clones, source, nonPersons);
        db.Execute("CHECKPOINT");
        var bytes = new FileInfo(options.OutDatabase).Length;
        File.WriteAllText(Path.Combine(options.Out, ".ready"), $"{options.Persons}\n");
        Console.WriteLine($"scale: done in {total.Elapsed.TotalSeconds:0} s; {options.OutDatabase} is {bytes / 1e9:0.00} GB; {FreeBytes(options.Out) / 1e9:0.0} GB free; wrote {Path.Combine(options.Out, ".ready")}");
        return 0;
    }

    // The new file is about the source's size × the rows it will hold ÷ the rows the source holds (staging and
    // identity internals, left out, are counted in the source's rows, so this errs high).
    private static void CheckDisk(ScaleOptions options, IReadOnlyList<ScaleTable> tables, PersonClones clones)
    {
        double sourceRows = tables.Sum(t => t.Rows);
        var rows = tables.Sum(t => t.Kind switch
        {
            ScaleKind.PerPerson or ScaleKind.PerNode => t.Rows * (PersonClones.IsFact(t) ? clones.FactClones : clones.Copies),
            ScaleKind.Once => t.Rows,
            _ => 0,
        });
        var estimate = (long)(new FileInfo(options.SourceDatabase).Length * (rows / sourceRows));
        var free = FreeBytes(options.Out);
        Console.WriteLine($"  about {rows:N0} rows, estimated {estimate / 1e9:0.0} GB; {free / 1e9:0.0} GB free");
        if (free - estimate < MinFreeBytes)
            throw new InvalidOperationException($"{estimate / 1e9:0.0} GB would leave less than 15 GB free: use --facts below {options.Facts} (the share of clones that carry fact_* rows)");
    }

    private static long FreeBytes(string path) => new DriveInfo(Path.GetPathRoot(Path.GetFullPath(path))!).AvailableFreeSpace;
}
