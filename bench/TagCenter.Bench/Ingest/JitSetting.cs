namespace TagCenter.Bench.Ingest;

/// <summary>
/// A JIT configuration as environment variables, each the run-time twin of a csproj property
/// (<c>DOTNET_TC_QuickJit=0</c> is <c>&lt;TieredCompilationQuickJit&gt;false</c>, <c>DOTNET_TieredPGO=0</c> is
/// <c>&lt;TieredPGO&gt;false</c>, <c>DOTNET_TieredCompilation=0</c> is <c>&lt;TieredCompilation&gt;false</c>), so
/// one build of <c>tagcenter</c> can be measured under each in the same run. <c>default</c> is what the CLI's csproj
/// sets (PGO off since this bench showed it pays); <c>pgo-on</c> is the runtime's own default.
/// </summary>
internal sealed record JitSetting(string Name, IReadOnlyDictionary<string, string> Environment)
{
    public static IReadOnlyList<JitSetting> All { get; } =
    [
        new("default", new Dictionary<string, string>()),
        new("quickjit-off", new Dictionary<string, string> { ["DOTNET_TC_QuickJit"] = "0" }),
        new("pgo-off", new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" }),
        new("pgo-on", new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "1" }),
        new("tiering-off", new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" }),
    ];
}
