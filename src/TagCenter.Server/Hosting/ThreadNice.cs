using System.Globalization;
using System.Runtime.InteropServices;

namespace TagCenter.Server.Hosting;

/// <summary>
/// The OS scheduling priority of the calling thread, as Linux keeps it: a nice value per thread (−20 first … 19 last).
/// .NET's <see cref="Thread.Priority"/> does nothing on Linux (dotnet/runtime#91165); lowering a thread's nice needs no
/// privilege. Elsewhere these do nothing.
/// </summary>
internal static partial class ThreadNice
{
    private const int PrioProcess = 0;   // with a thread id as "who", Linux sets that one thread

    /// <summary>Lowers the calling thread's priority by <paramref name="steps"/> nice steps (at most to 19); false where that is not possible (not Linux, or refused).</summary>
    public static bool TryLower(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        try
        {
            return Current() is { } now && SetPriority(PrioProcess, GetTid(), Math.Min(19, now + steps)) == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException
                                      or ArgumentOutOfRangeException or DllNotFoundException or EntryPointNotFoundException)
        {
            return false;   // no /proc, or no libc to ask: the thread keeps its priority (the writer must not die of it)
        }
    }

    /// <summary>The calling thread's nice value (null: not Linux).</summary>
    public static int? Current()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        // /proc/thread-self/stat: "tid (name) state ..." with nice the 19th field; the name may hold spaces, so count after ')'.
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], CultureInfo.InvariantCulture);
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int prio);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();
}
