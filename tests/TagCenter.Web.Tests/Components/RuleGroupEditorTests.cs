using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using TagCenter.Client;
using TagCenter.Web.Components.Shared;
using TagCenter.Web.Segments;
using TagCenter.Web.Text;

namespace TagCenter.Web.Tests.Components;

/// <summary>The builder's group editor rendered with bUnit: its buttons change the rule model and say so.</summary>
public sealed class RuleGroupEditorTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    private static readonly TagView City = new("基础属性/地域/城市", "城市", "city", "value", "string", null, [], "常住城市", null, null, null, "全公司", "daily", "active");

    public RuleGroupEditorTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddScoped<ConsoleLanguage>();
    }

    private IRenderedComponent<ContainerFragment> Render(RuleGroup group, Action changed) =>
        _context.Render<ContainerFragment>(p => p.AddChildContent(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<RuleGroupEditor>(1);
            builder.AddAttribute(2, nameof(RuleGroupEditor.Group), group);
            builder.AddAttribute(3, nameof(RuleGroupEditor.Tags), (IReadOnlyList<TagView>)[City]);
            builder.AddAttribute(4, nameof(RuleGroupEditor.OnChanged), EventCallback.Factory.Create(this, changed));
            builder.CloseComponent();
        }));

    [Fact]
    public void AddCondition_AddsAnEmptyConditionAndReportsTheChange()
    {
        var group = new RuleGroup { Conditions = { new RuleCondition { Tag = "城市", Value = "上海" } } };
        var changes = 0;
        var cut = Render(group, () => changes++);

        cut.Find("button.tc-add-condition").Click();

        group.Conditions.Count.ShouldBe(2);
        changes.ShouldBe(1);
        // The empty new condition adds nothing to the rule yet.
        RuleWriter.Write(group).ShouldBe("城市 = '上海'");
    }

    [Fact]
    public void RemoveCondition_TakesItOutOfTheRule()
    {
        var group = new RuleGroup { Conditions = { new RuleCondition { Tag = "城市", Value = "上海" }, new RuleCondition { Tag = "城市", Value = "北京", Operator = RuleOperator.NotEqual } } };
        var cut = Render(group, () => { });

        cut.FindAll(".tc-condition button[aria-label]")[^1].Click();

        RuleWriter.Write(group).ShouldBe("城市 = '上海'");
    }

    [Fact]
    public void Editor_ShowsTheChosenTagAndItsValue()
    {
        var group = new RuleGroup { Conditions = { new RuleCondition { Tag = "城市", Value = "上海" } } };

        var cut = Render(group, () => { });

        cut.Find(".tc-tag-pick input").GetAttribute("value").ShouldBe("城市");
        cut.Find(".tc-value input").GetAttribute("value").ShouldBe("上海");
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}

/// <summary>Renders its child content (bUnit renders fragments through a component).</summary>
public sealed class ContainerFragment : ComponentBase
{
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
}
