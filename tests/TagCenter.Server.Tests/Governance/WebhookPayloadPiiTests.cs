using TagCenter.Core.Activation;
using TagCenter.Core.Diagnostics;
using TagCenter.DuckDb.Activation;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// Webhooks: what the activation library sends for a demo person entering a segment — the outbox payload and the
/// webhook body built from it — names the person by OneID and holds none of their phone, email or name (read
/// unmasked with pii:read). A destination allowed personal data would look the OneID up itself, audited.
/// </summary>
public sealed class WebhookPayloadPiiTests(DemoWorkspace demo)
{
    private const string Trigger = "name: 欢迎\nwhen:\n  enters: 新客未下单\naction:\n  webhook: { url: \"https://crm.example.com/hook\" }\n";

    [Fact]
    public async Task WebhookBody_NamesThePersonByOneId_WithoutPersonalData()
    {
        using var folder = new TempFolder();
        KnownPerson person;
        await using (var server = await ApiServer.StartAsync(demo.Copy(folder)))
            person = await KnownPerson.FindAsync(server);
        var diagnostics = new List<Diagnostic>();
        var trigger = TriggerCatalog.ParseFile("triggers/欢迎.yaml", "欢迎", Trigger, ActivationNames.Unchecked, diagnostics);
        diagnostics.ShouldBeEmpty();
        using var store = SqliteActivationStore.Open(Path.Combine(folder.Path, "activation.db"));
        var engine = new TriggerEngine([trigger!], [], store, TimeZoneInfo.Utc, TimeProvider.System);
        var at = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        engine.OnChanges([new PersonChange(person.OneId, ChangeKind.Entered, "新客未下单", null, null, at, "o1")]).ShouldNotBeNull();
        var item = store.List(null, 10).ShouldHaveSingleItem();
        item.Person.ShouldBe(person.OneId);
        person.ShouldNotLeakInto(item.Payload, "the outbox payload");
        var body = WebhookChannel.Body(item);
        body.ShouldContain(person.OneId);
        person.ShouldNotLeakInto(body, "the webhook body");
    }
}
