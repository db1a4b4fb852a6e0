using System.Text;

namespace TagCenter.Core.Index;

/// <summary>A plan as indented text, one node per line, for explain and debugging.</summary>
public static partial class PlanBuilder
{
    public static string Describe(IndexPlan plan)
    {
        var text = new StringBuilder();
        Describe(plan, 0, text);
        return text.ToString().TrimEnd('\n');
    }

    private static void Describe(IndexPlan plan, int depth, StringBuilder text)
    {
        text.Append(' ', depth * 2);
        switch (plan)
        {
            case AndPlan and:
                text.Append("AND\n");
                foreach (var part in and.Parts)
                    Describe(part, depth + 1, text);
                break;
            case OrPlan or:
                text.Append("OR\n");
                foreach (var part in or.Parts)
                    Describe(part, depth + 1, text);
                break;
            case AndNotPlan andNot:
                text.Append("ANDNOT\n");
                Describe(andNot.Left, depth + 1, text);
                Describe(andNot.Right, depth + 1, text);
                break;
            default:
                text.Append(Leaf(plan)).Append('\n');
                break;
        }
    }

    private static string Leaf(IndexPlan plan) => plan switch
    {
        AllPlan => "ALL",
        NonePlan => "NONE",
        EqualsPlan e => $"{e.Tag} = '{e.Value}'",
        HasValuePlan h => $"{h.Tag} IS NOT NULL",
        RangePlan r => $"{r.Tag} {Symbol(r.Operator)} {r.Value} (encoded)",
        ScanPlan s => $"SCAN {s.Text}",
        _ => plan.GetType().Name,
    };

    private static string Symbol(RangeOperator op) => op switch
    {
        RangeOperator.Equal => "=",
        RangeOperator.NotEqual => "!=",
        RangeOperator.Less => "<",
        RangeOperator.LessOrEqual => "<=",
        RangeOperator.Greater => ">",
        _ => ">=",
    };
}
