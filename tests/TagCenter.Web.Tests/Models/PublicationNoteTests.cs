using TagCenter.Client;
using TagCenter.Core.Text;
using TagCenter.Web.Models;

namespace TagCenter.Web.Tests.Models;

public sealed class PublicationNoteTests
{
    [Fact]
    public void Published_NoNote() =>
        PublicationNote.Of(new ModelPublication("published", true, new DateTime(2026, 11, 1), []), Language.En).ShouldBeNull();

    [Fact]
    public void Changed_SaysWhatAndWhatToDo_InBothLanguages()
    {
        var changed = new ModelPublication("changed", true, new DateTime(2026, 11, 1), ["parameters", "schedule"]);

        PublicationNote.Of(changed, Language.En).ShouldBe("changed, pending apply (parameters, schedule): see the change with tagcenter plan; it takes effect on apply");
        PublicationNote.Of(changed, Language.Zh).ShouldBe("已修改，待 apply（parameters、schedule）：运行 tagcenter plan 查看变化，apply 后生效");
        PublicationNote.Of(new ModelPublication("new", false, null, []), Language.En)
            .ShouldBe("not published, pending apply: see the change with tagcenter plan; it takes effect on apply");
    }
}
