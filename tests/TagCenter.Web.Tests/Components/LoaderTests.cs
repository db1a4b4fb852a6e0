using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TagCenter.Web.Api;
using TagCenter.Web.Components.Shared;
using TagCenter.Web.Text;

namespace TagCenter.Web.Tests.Components;

/// <summary>Every page loads through <see cref="Loader{T}"/>: an API error is shown with its message, never a blank page.</summary>
public sealed class LoaderTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public LoaderTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddScoped<ConsoleLanguage>();
    }

    [Fact]
    public void Load_ApiError_ShowsItsMessage()
    {
        var cut = _context.Render<Loader<int>>(p => p
            .Add(x => x.Load, _ => Task.FromException<int>(new ConsoleApiException(404, "segment_not_found", "no segment named 'x'")))
            .Add(x => x.ChildContent, value => builder => builder.AddContent(0, "value " + value)));

        cut.Find("#api-error").TextContent.ShouldContain("no segment named 'x'");
        cut.Markup.ShouldNotContain("value");
    }

    [Fact]
    public void Load_Answer_RendersTheContent()
    {
        var cut = _context.Render<Loader<int>>(p => p
            .Add(x => x.Load, _ => Task.FromResult(42))
            .Add(x => x.ChildContent, value => builder => builder.AddContent(0, "value " + value)));

        cut.Markup.ShouldContain("value 42");
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
