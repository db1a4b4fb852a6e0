using Shouldly;
using TagCenter.Core.Diagnostics;

namespace TagCenter.DuckDb.Tests.Ingest;

/// <summary>A path that looks inside the workspace but is a link to a file outside it is refused when loading.</summary>
public sealed class SourcePathTests : IDisposable
{
    private readonly TestWorkspace _workspace = new();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "tagcenter-tests", "outside-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Load_LinkToFileOutside_Refused()
    {
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.csv"), "id\nx\n");
        File.CreateSymbolicLink(Path.Combine(_workspace.Root, "m.csv"), Path.Combine(_outside, "secret.csv"));
        _workspace.WithYaml("sources:\n  m: { kind: csv, path: m.csv, columns: { id: {} } }\n");

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("m"));

        error.Message.ShouldContain("allow_paths_outside");
    }

    [Fact]
    public async Task Load_LinkedFolderOutsideAllowed_Loaded()
    {
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "m.csv"), "id\nx\n");
        Directory.CreateSymbolicLink(Path.Combine(_workspace.Root, "data"), _outside);
        _workspace.WithYaml("allow_paths_outside: true\nsources:\n  m: { kind: csv, path: data/m.csv, columns: { id: {} } }\n");

        (await _workspace.LoadAsync("m")).Loaded.ShouldBe(1);
    }

    [Fact]
    public async Task Load_LinkedFolderOutside_Refused()
    {
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "m.csv"), "id\nx\n");
        Directory.CreateSymbolicLink(Path.Combine(_workspace.Root, "data"), _outside);
        _workspace.WithYaml("sources:\n  m: { kind: csv, path: data/m.csv, columns: { id: {} } }\n");

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("m"));

        error.Message.ShouldContain("allow_paths_outside");
    }

    public void Dispose()
    {
        _workspace.Dispose();
        if (Directory.Exists(_outside))
            Directory.Delete(_outside, recursive: true);
    }
}
