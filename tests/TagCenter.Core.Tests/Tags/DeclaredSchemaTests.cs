using Shouldly;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Tests.Tags;

public sealed class DeclaredSchemaTests
{
    [Fact]
    public void Of_TwoSourcesFeedOneFact_ColumnsOfBoth()
    {
        var ws = WorkspaceLoader.Parse("""
            sources:
              online:
                kind: csv
                path: a.csv
                fact: orders
                columns: { order_id: {}, amount: { type: decimal } }
              stores:
                kind: csv
                path: b.csv
                fact: orders
                columns: { order_id: {}, store: {} }
            identity:
              golden:
                city: { rule: most_recent, from: [stores.store] }
            """, "/ws");

        var schema = DeclaredSchema.Of(ws);

        schema.Facts["orders"].Keys.Order().ShouldBe(["amount", "event_time", "oneid", "order_id", "store"]);
        schema.Facts["orders"]["amount"].ShouldBe(TagValueType.Decimal);
        schema.PersonFields["city"].ShouldBe(TagValueType.String);
    }
}
