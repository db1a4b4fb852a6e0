using System.Runtime.InteropServices;

namespace TagCenter.Server.Tests.Hosting;

/// <summary>
/// The calling thread's nice value as libc's <c>getpriority</c> gives it (on Linux, with a thread id of 0 it answers for
/// the calling thread), a second reading beside the server's own (<c>ThreadNice</c> parses /proc).
/// </summary>
internal static class NiceProbe
{
    public static int OfThisThread()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Skip("thread nice values are a Linux thing");
        return getpriority(0, 0);
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA5392 // a test probe: the plain declaration is the point
    private static extern int getpriority(int which, int who);
#pragma warning restore SYSLIB1054, CA5392
}
