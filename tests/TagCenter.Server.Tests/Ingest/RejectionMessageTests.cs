using TagCenter.Core.Text;
using TagCenter.Server.Ingest;

namespace TagCenter.Server.Tests.Ingest;

/// <summary>The one-line summary of a rejected request (the ProblemDetails <c>detail</c>): each error once, with its
/// field once (it used to read "batch[0]: batch[0]: …"), and "1 error" not "1 errors". Expected texts are written out.</summary>
public sealed class RejectionMessageTests
{
    [Fact]
    public void One_error_is_named_once_in_the_singular()
    {
        Texts.Current = Language.En;
        var e = Should.Throw<IngestValidationException>(() => SegmentParser.ParseBatch(Bodies.Batch("""{"type":"track","event":"E"}""")));
        e.Message.ShouldBe("request rejected (1 error), no event was accepted: batch[0]: needs a userId or an anonymousId");
    }

    [Fact]
    public void Several_errors_are_counted_and_each_field_appears_once()
    {
        Texts.Current = Language.En;
        var e = Should.Throw<IngestValidationException>(() => SegmentParser.ParseBatch(Bodies.Batch(
            """{"type":"track","event":"E"}""", """{"type":"group","userId":"u"}""")));
        e.Message.ShouldBe("request rejected (2 errors), no event was accepted: batch[0]: needs a userId or an anonymousId; batch[1].groupId: required field is missing");
    }

    [Fact]
    public void In_chinese_too()
    {
        Texts.Current = Language.Zh;
        var e = Should.Throw<IngestValidationException>(() => SegmentParser.ParseBatch(Bodies.Batch("""{"type":"track","event":"E"}""")));
        e.Message.ShouldBe("请求被拒绝（1 个错误），没有接收任何事件：batch[0]：userId 和 anonymousId 至少需要一个");
    }
}
