using TagCenter.Bench;
using TagCenter.Bench.Analysis;
using TagCenter.Bench.Bitmaps;
using TagCenter.Bench.Fields;
using TagCenter.Bench.Identity;
using TagCenter.Bench.Ingest;
using TagCenter.Bench.Log;
using TagCenter.Bench.Models;
using TagCenter.Bench.Realtime;
using TagCenter.Bench.Scale;
using TagCenter.Bench.Tags;

// End-to-end benchmarks: each compares TagCenter with a baseline measured in the same run, because the
// machines are shared and absolute times drift. Usage: dotnet run -c Release --project bench/TagCenter.Bench -- <name> [options]
return args.FirstOrDefault() switch
{
    "csv-load" => await CsvLoadBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "demo" => await DemoBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "identity" => IdentityBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "tags" => TagBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "fields" => FieldsBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "bitmaps" => BitmapBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "funnel" => FunnelBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "index" => TagCenter.Bench.Index.IndexBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "bsi-range" => TagCenter.Bench.Index.BsiRangeBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "count-parts" => TagCenter.Bench.Index.CountPartsBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "models" => ModelBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "clv" => ClvBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "propensity" => PropensityBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "log" => await LogBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "activation" => await TagCenter.Bench.Activation.ActivationBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "activation-latency" => await TagCenter.Bench.Activation.ActivationLatencyBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "api" => await TagCenter.Bench.Api.ApiBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "scale" => await ScaleCommand.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "reindex" => ReindexCommand.Run(BenchArgs.Parse(args.Skip(1))),
    "live-count" => await TagCenter.Bench.WebConsole.LiveCountBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "realtime" => RealtimeBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "ingest" => await TagCenter.Bench.Ingest.IngestBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "fsync-tail" => TagCenter.Bench.Log.FsyncTailBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "message-ids" => TagCenter.Bench.Ingest.MessageIdMemoryBenchmark.Run(BenchArgs.Parse(args.Skip(1))),
    "ingest-stages" => await TagCenter.Bench.Ingest.IngestStages.RunAsync(BenchArgs.Parse(args.Skip(1))),
    "realtime-load" => await TagCenter.Bench.Realtime.RealtimeLoad.MainAsync(BenchArgs.Parse(args.Skip(1))),
    "ingest-load" => await TagCenter.Bench.Ingest.IngestLoad.MainAsync(BenchArgs.Parse(args.Skip(1))),
    "ingest-jit" => await TagCenter.Bench.Ingest.IngestJitBenchmark.RunAsync(BenchArgs.Parse(args.Skip(1))),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TagCenter.Bench csv-load [--rows 2000000] [--runs 5] [--schema full|plain]");
    Console.Error.WriteLine("       TagCenter.Bench demo [--persons 50000]");
    Console.Error.WriteLine("       TagCenter.Bench identity [--nodes 10000000] [--compare-nodes 200000]");
    Console.Error.WriteLine("       TagCenter.Bench tags [--persons 1000000] [--runs 3]");
    Console.Error.WriteLine("       TagCenter.Bench fields [--workspace /tmp/fields-demo] [--runs 3]");
    Console.Error.WriteLine("       TagCenter.Bench bitmaps [--universe 10000000] [--runs 25]");
    Console.Error.WriteLine("       TagCenter.Bench funnel [--events 100000000] [--persons 3000000] [--runs 3]");
    Console.Error.WriteLine("       TagCenter.Bench models [--persons 1000000] [--orders-per-person 20] [--clv-persons 100000]");
    Console.Error.WriteLine("       TagCenter.Bench clv [--clv-persons 100000] [--times days|continuous]");
    Console.Error.WriteLine("       TagCenter.Bench realtime [--persons 1000000] [--rate 1000] [--seconds 10] [--tick-ms 5] | realtime --through consumer [--persons 3000] [--history 50000] | realtime --through server [--persons 3000] [--rate 1000] [--seconds 10] [--batch 10] [--fsync 0] [--writer-nice 10]");
    Console.Error.WriteLine("       TagCenter.Bench propensity [--persons 1000000] [--baseline-persons 100000]");
    Console.Error.WriteLine("       TagCenter.Bench message-ids [--ids 1000000]");
    Console.Error.WriteLine("       TagCenter.Bench fsync-tail [--rate 1000] [--bytes 600] [--block 3] [--rounds 4]");
    Console.Error.WriteLine("       TagCenter.Bench log [--events 200000] [--appenders 32] [--batch 100] [--dir /tmp]");
    Console.Error.WriteLine("       TagCenter.Bench activation [--deliveries 5000] [--parallel 8] [--single 500]");
    Console.Error.WriteLine("       TagCenter.Bench activation-latency [--rate 1000] [--seconds 10] [--tick-ms 5] [--parallel 32] [--modes old,new]");
    Console.Error.WriteLine("       TagCenter.Bench api [--persons 50000 | --workspace <folder>] [--requests 2000] [--line-seconds 60] [--rules 3]");
    Console.Error.WriteLine("       TagCenter.Bench scale [--persons 10000000] [--from <workspace>] [--out /tmp/tagcenter-scale-10m] [--facts 1.0]");
    Console.Error.WriteLine("       TagCenter.Bench reindex --workspace <workspace>   (rebuild its bitmap index from the last tag run)");
    Console.Error.WriteLine("       TagCenter.Bench live-count [--workspace /tmp/tagcenter-bench-api-50000] [--rounds 100]");
    Console.Error.WriteLine("       TagCenter.Bench bsi-range [--persons 10000000] [--rounds 30]");
    Console.Error.WriteLine("       TagCenter.Bench count-parts --workspace <folder with an index> [--runs 200] [--rule \"…\"]");
    Console.Error.WriteLine("       TagCenter.Bench ingest [--seconds 60] [--connections 32] [--batch 100] [--dir /tmp]");
    Console.Error.WriteLine("       TagCenter.Bench ingest-stages [--batches 2000] [--batch 100]");
    Console.Error.WriteLine("       TagCenter.Bench ingest-jit [--seconds 20] [--warmup 5] [--rounds 2] [--persons 2000] [--settings default,quickjit-off,pgo-off,pgo-on,tiering-off]");
    return 1;
}
