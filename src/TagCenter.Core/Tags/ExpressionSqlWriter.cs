using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Sql;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.Core.Tags;

/// <summary>
/// Writes one bound rule as SQL fragments over the tag layers: tags and person fields are columns, behaviour
/// functions become shared aggregate columns, every value is a bound parameter (numbered later, once, by
/// <see cref="SqlCommandBuilder"/>). Names, types and windows were resolved by the <see cref="Binder"/>.
/// </summary>
internal sealed partial class ExpressionSqlWriter
{
    private readonly Dictionary<AggregateCall, AggregateCall> _aggregates;
    private readonly SqlDialect _dialect;
    private readonly SqlFragment _asOf;

    public ExpressionSqlWriter(SqlFragment asOf, Dictionary<AggregateCall, AggregateCall> aggregates, SqlDialect dialect)
    {
        _dialect = dialect;
        _asOf = asOf;
        _aggregates = aggregates;
    }

    /// <summary>The shared aggregates this rule reads.</summary>
    public HashSet<AggregateCall> Aggregates { get; } = [];

    public SqlFragment Write(BoundNode node) => node switch
    {
        BoundLiteral l => Literal(l),
        BoundTag t => Of($"t.{Ident(t.Tag.Code)}"),
        BoundPersonField f => Of($"t.{Ident("f_" + f.Field)}"),
        BoundFactColumn c => Ident(c.Column),
        BoundNot n => Of($"(NOT {Write(n.Operand)})"),
        BoundNegate n => Of($"(- {Write(n.Operand)})"),
        BoundLogical b => Of($"({Write(b.Left)} {Raw(b.IsAnd ? "AND" : "OR")} {Write(b.Right)})"),
        BoundArithmetic { Operator: "/" } b => Of($"(CAST({Write(b.Left)} AS {Raw(_dialect.Double)}) / nullif({Write(b.Right)}, 0))"),
        BoundArithmetic b => Of($"({Write(b.Left)} {Raw(b.Operator)} {Write(b.Right)})"),
        BoundCompare b => Of($"({Write(b.Left)} {Raw(b.Operator == "!=" ? "<>" : b.Operator)} {Write(b.Right)})"),
        BoundContains { IsList: true } c => _dialect.ListContains(Write(c.Left), Write(c.Right)),
        BoundContains c => _dialect.TextContains(Write(c.Left), Write(c.Right)),
        BoundBetween b => Of($"({Write(b.Value)} {Raw(b.Negated ? "NOT " : "")}BETWEEN {Write(b.Low)} AND {Write(b.High)})"),
        BoundIn i => Of($"({Write(i.Value)} {Raw(i.Negated ? "NOT " : "")}IN ({Join(", ", i.Items.Select(Write))}))"),
        BoundIsNull n => Of($"({Write(n.Value)} IS {Raw(n.Negated ? "NOT " : "")}NULL)"),
        BoundCase c => Of($"(CASE {Join(" ", c.Branches.Select(b => Of($"WHEN {Write(b.When)} THEN {Write(b.Then)}")))}{(c.Else is null ? Empty : Of($" ELSE {Write(c.Else)}"))} END)"),
        BoundScalarCall { Function: "round" } r => _dialect.Round(Write(r.Arguments[0]), r.Arguments.Count == 2 ? Write(r.Arguments[1]) : Raw("0")),
        BoundScalarCall s => Of($"{Raw(s.Function)}({Join(", ", s.Arguments.Select(Write))})"),
        BoundBehaviour b => Behaviour(b),
        _ => Raw("NULL"),
    };

    private SqlFragment Literal(BoundLiteral l) => l.Value switch
    {
        null => Raw("NULL"),
        bool b => Raw(b ? "TRUE" : "FALSE"),
        decimal d when l.Type == TagValueType.Int => Of($"CAST({Value((long)d)} AS BIGINT)"),
        decimal d => Of($"CAST({Value(d)} AS DECIMAL(18,4))"),
        DateTime t => Of($"CAST({Value(t)} AS {Raw(_dialect.TypeName(l.Type))})"),
        _ => Of($"CAST({Value((string)l.Value)} AS VARCHAR)"),
    };
}
