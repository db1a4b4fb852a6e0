namespace TagCenter.Tests;

/// <summary>
/// The PostgreSQL server <c>.ci/run</c> starts, named by <c>TAGCENTER_TEST_PG</c> (an Npgsql connection string). A test
/// that needs it gets the connection string; without it the test is skipped and says so, except under <c>CI=true</c>,
/// where a missing server is a failure (CI must never pass by skipping). Linked into each test project that needs it.
/// </summary>
internal static class TestPostgres
{
    /// <summary>The connection string, or null when none is set (for tests that compare with PostgreSQL only when they can).</summary>
    public static string? Connection => Environment.GetEnvironmentVariable("TAGCENTER_TEST_PG") is { Length: > 0 } c ? c : null;

    /// <param name="purpose">What the test runs on PostgreSQL, for the skip message ("the activation store").</param>
    public static string Require(string purpose)
    {
        if (Connection is { } connection)
            return connection;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Xunit.Assert.Fail("CI=true but TAGCENTER_TEST_PG is not set: .ci/run must start PostgreSQL");
        Xunit.Assert.Skip($"PostgreSQL not available: set TAGCENTER_TEST_PG (\"Host=127.0.0.1;Username=...\") to run {purpose} on PostgreSQL");
        return ""; // not reached: Skip throws
    }
}
