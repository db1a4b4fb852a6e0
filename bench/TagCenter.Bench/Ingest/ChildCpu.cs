using System.Globalization;

namespace TagCenter.Bench.Ingest;

/// <summary>
/// CPU time of this process's children that have ended and been waited for (<c>cutime + cstime</c> of
/// <c>/proc/self/stat</c>, in clock ticks of 10 ms): an exited child's own counters are gone, so a child's CPU is the
/// difference around its run. Linux only.
/// </summary>
internal static class ChildCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    public static TimeSpan Total()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        // Fields after the command name (which may hold spaces, so it is skipped up to its closing parenthesis).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Field 3 (state) is fields[0]; cutime and cstime are fields 16 and 17.
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
