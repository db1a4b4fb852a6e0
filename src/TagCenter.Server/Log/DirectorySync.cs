using System.Runtime.InteropServices;

namespace TagCenter.Server.Log;

/// <summary>
/// Makes a folder's entries durable (a new segment file, a renamed offset file): on Linux and macOS a file's
/// fsync does not cover its name in the directory, so after a crash a new segment could vanish with acknowledged
/// records in it. .NET cannot open a directory as a stream, so this calls open/fsync/close directly. On Windows
/// the directory entry is journaled with the file; nothing to do.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;

    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows())
            return;
        var fd = Open(folder, ReadOnly);
        if (fd < 0)
            throw new IOException($"open({folder}) failed: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            if (Fsync(fd) != 0)
                throw new IOException($"fsync({folder}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
