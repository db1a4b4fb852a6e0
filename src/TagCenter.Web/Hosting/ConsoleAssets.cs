using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TagCenter.Web.Hosting;

/// <summary>
/// The console's scripts and styles (MudBlazor's, the framework's <c>blazor.web.js</c>, our own CSS), embedded in this
/// assembly and served at the paths the framework expects. Static web assets would only be found in Development or
/// after <c>dotnet publish</c>; <c>tagcenter serve</c> runs from bin and from test hosts, so they are served from here.
/// </summary>
internal static class ConsoleAssets
{
    private static readonly Assembly Self = typeof(ConsoleAssets).Assembly;

    /// <summary>Request path → embedded resource name (the same text).</summary>
    public static readonly FrozenSet<string> Paths = Self.GetManifestResourceNames()
        .Where(n => n.StartsWith("_content/", StringComparison.Ordinal) || n.StartsWith("_framework/", StringComparison.Ordinal) || n.StartsWith("_console/", StringComparison.Ordinal))
        .ToFrozenSet(StringComparer.Ordinal);

    // Each file is read once; an ETag from the assembly's version lets browsers revalidate cheaply.
    private static readonly string ETag = "\"" + Self.ManifestModule.ModuleVersionId.ToString("N") + "\"";

    public static void Map(WebApplication app)
    {
        foreach (var path in Paths)
        {
            var bytes = Read(path);
            var type = path.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            app.MapGet("/" + path, (HttpContext context) =>
            {
                context.Response.Headers.ETag = ETag;
                context.Response.Headers.CacheControl = "public, max-age=3600";
                if (context.Request.Headers.IfNoneMatch.Contains(ETag))
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                return Results.Bytes(bytes, type);
            }).AllowAnonymous().ExcludeFromDescription();
        }
    }

    private static byte[] Read(string name)
    {
        using var stream = Self.GetManifestResourceStream(name) ?? throw new InvalidOperationException("missing embedded asset " + name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
