namespace TagCenter.Tests;

/// <summary>A fresh folder under the temp directory, deleted on dispose (shared by the test projects as a linked file).</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "tc-test-")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
