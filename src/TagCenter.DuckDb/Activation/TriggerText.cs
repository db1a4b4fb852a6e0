using System.Globalization;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>Short readable forms of a trigger's parts for tables.</summary>
public static class TriggerText
{
    public static string When(TriggerCondition w) => w.Kind switch
    {
        TriggerKind.Enters => "enters " + w.Segment,
        TriggerKind.Leaves => "leaves " + w.Segment,
        TriggerKind.Rule => "rule " + w.Rule!.Trim(),
        TriggerKind.Crosses => $"{w.Tag} crosses {w.Threshold!.Value.ToString(CultureInfo.InvariantCulture)}",
        TriggerKind.SizeChange => $"{w.Segment} size ±{w.Percent!.Value.ToString(CultureInfo.InvariantCulture)}%",
        _ => $"push {w.Segment} ({w.Mode.ToString().ToLowerInvariant()}) at '{w.Cron}'",
    };

    public static string Action(TriggerAction a) => a.Kind switch
    {
        ActionKind.Webhook => "webhook " + a.Url,
        ActionKind.File => $"file {a.Folder} ({a.Format})",
        ActionKind.Task => "task " + (a.Queue ?? a.Assignee),
        _ => "message",
    };

    public static string Actions(IEnumerable<TriggerAction> actions) => string.Join(" + ", actions.Select(Action));

    public static string Cap(FrequencyCap? cap) => cap is null ? "" : $"{cap.Count}/{cap.Period.TotalDays:0.##}d";

    public static string Quiet(QuietHours? quiet) => quiet is null ? "" : $"{quiet.Start:HH\\:mm}-{quiet.End:HH\\:mm}";
}
