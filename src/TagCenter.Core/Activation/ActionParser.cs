using System.Net;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Activation;

/// <summary>
/// Reads actions (<c>webhook</c>, <c>file</c>, <c>task</c>, <c>message</c>) for triggers and experiment arms. A webhook
/// must be http(s) and must not point at this machine (SSRF), unless <c>allow_local: true</c> says it is meant to.
/// </summary>
internal static class ActionParser
{
    private static readonly string[] Kinds = ["webhook", "file", "task", "message"];

    /// <summary>The <c>action:</c> (one) or <c>actions:</c> (a list) of <paramref name="owner"/>; at least one is required.</summary>
    public static IReadOnlyList<TriggerAction> ParseActions(YamlMap owner, string file, ActivationNames names, List<Diagnostic> diagnostics)
    {
        var nodes = new List<YamlNode>();
        if (owner.Get("action") is { } one)
            nodes.Add(one);
        if (owner.Get("actions") is YamlSequenceNode many)
            nodes.AddRange(many.Children);
        else if (owner.Get("actions") is { } notList)
            diagnostics.Add(YamlMap.At(file, notList, Texts.T("workspace.not_list", "actions")));
        if (nodes.Count == 0 && owner.Get("actions") is null)
            diagnostics.Add(YamlMap.At(file, owner.Node, Texts.T("activation.action.missing")));
        return [.. nodes.Select(n => Parse(n, file, names, diagnostics)).OfType<TriggerAction>()];
    }

    public static TriggerAction? Parse(YamlNode node, string file, ActivationNames names, List<Diagnostic> diagnostics)
    {
        var context = "'action'";
        if (YamlMap.From(node, context, file, diagnostics) is not { } outer)
            return null;
        outer.AllowOnly(context, Kinds);
        var kinds = outer.Entries.Where(e => Kinds.Contains(e.Key)).ToList();
        if (kinds.Count != 1)
        {
            diagnostics.Add(YamlMap.At(file, node, Texts.T("activation.action.one")));
            return null;
        }
        var (kind, _, value) = kinds[0];
        if (YamlMap.From(value, $"'{kind}'", file, diagnostics) is not { } map)
            return null;
        var before = diagnostics.Count;
        TriggerAction? action = kind switch
        {
            "webhook" => Webhook(map, names),
            "file" => File(map),
            "task" => Task(map),
            _ => Message(map),
        };
        return diagnostics.Count > before ? null : action;
    }

    private static TriggerAction? Webhook(YamlMap map, ActivationNames names)
    {
        map.AllowOnly("'webhook'", "url", "secret", "headers", "allow_local");
        var url = map.String("url", required: true, context: "'webhook'");
        var allowLocal = map.Bool("allow_local") ?? false;
        if (url is not null && UrlProblem(url, allowLocal, names.SelfHosts) is { } problem)
            map.Error("url", problem);
        return url is null ? null : new TriggerAction
        {
            Kind = ActionKind.Webhook,
            Url = url,
            SecretEnv = map.String("secret"),
            AllowLocal = allowLocal,
            Headers = map.StringMap("headers") ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>Why <paramref name="url"/> cannot be a webhook, or null.</summary>
    public static string? UrlProblem(string url, bool allowLocal, IReadOnlyCollection<string> selfHosts)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return Texts.T("activation.url.scheme", url);
        if (allowLocal)
            return null;
        var host = uri.IdnHost.Trim('[', ']');
        var local = uri.IsLoopback || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
            || selfHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
        return local ? Texts.T("activation.url.local", url) : null;
    }

    private static TriggerAction? File(YamlMap map)
    {
        map.AllowOnly("'file'", "folder", "format");
        var folder = map.String("folder", required: true, context: "'file'");
        var format = (map.String("format") ?? "csv").Trim().ToLowerInvariant();
        if (format is not ("csv" or "parquet"))
            map.Error("format", Texts.T("activation.format.bad", format));
        return folder is null ? null : new TriggerAction { Kind = ActionKind.File, Folder = folder, Format = format };
    }

    private static TriggerAction? Task(YamlMap map)
    {
        map.AllowOnly("'task'", "assignee", "queue");
        var assignee = map.String("assignee");
        var queue = map.String("queue");
        if (assignee is null && queue is null)
            map.Error("queue", Texts.T("activation.task.who"));
        return new TriggerAction { Kind = ActionKind.Task, Assignee = assignee, Queue = queue };
    }

    private static TriggerAction? Message(YamlMap map)
    {
        map.AllowOnly("'message'", "template");
        var template = map.String("template", required: true, context: "'message'");
        return template is null ? null : new TriggerAction { Kind = ActionKind.Message, Template = template };
    }
}
