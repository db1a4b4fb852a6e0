using TagCenter.Server.Log;

namespace TagCenter.Server.Tests.Log;

public class DirectorySyncTests
{
    [Fact]
    public void Flushes_an_existing_folder_and_fails_clearly_on_a_missing_one()
    {
        using var dir = new TempFolder();
        DirectorySync.Flush(dir.Path);
        if (!OperatingSystem.IsWindows())
            Should.Throw<IOException>(() => DirectorySync.Flush(Path.Combine(dir.Path, "missing"))).Message.ShouldContain("missing");
    }
}
