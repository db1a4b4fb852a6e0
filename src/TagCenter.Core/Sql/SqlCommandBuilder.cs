using System.Text;

namespace TagCenter.Core.Sql;

/// <summary>
/// Puts a statement together: owns the parameter list, numbers each value as it is appended and lets the
/// dialect write the placeholder. The text it returns is final: nothing rewrites it afterwards.
/// </summary>
public sealed class SqlCommandBuilder
{
    private readonly SqlDialect _dialect;
    private readonly StringBuilder _sql = new();
    private readonly List<object?> _parameters = [];
    private readonly Dictionary<object, int> _shared = [];

    public SqlCommandBuilder(SqlDialect dialect) => _dialect = dialect;

    /// <summary>Binds a value used in many places (the as-of time) as the next parameter, so that it is $1 when given first.</summary>
    public SqlCommandBuilder Share(object value)
    {
        if (!_shared.ContainsKey(value))
        {
            _parameters.Add(value);
            _shared[value] = _parameters.Count;
        }
        return this;
    }

    public SqlCommandBuilder Append(string sql)
    {
        _sql.Append(sql);
        return this;
    }

    public SqlCommandBuilder Append(SqlFragment fragment)
    {
        foreach (var part in fragment.Parts)
        {
            if (part is string text)
                _sql.Append(text);
            else
                AppendParameter((SqlParameter)part);
        }
        return this;
    }

    private void AppendParameter(SqlParameter parameter)
    {
        if (parameter.Shared && parameter.Value is { } key && _shared.TryGetValue(key, out var number))
        {
            _sql.Append(_dialect.Placeholder(number));
            return;
        }
        _parameters.Add(parameter.Value);
        if (parameter.Shared && parameter.Value is { } value)
            _shared[value] = _parameters.Count;
        _sql.Append(_dialect.Placeholder(_parameters.Count));
    }

    public SqlCommand Build() => new(_sql.ToString(), [.. _parameters]);
}

/// <summary>A statement and the values of its parameters, in placeholder order.</summary>
public sealed record SqlCommand(string Sql, IReadOnlyList<object?> Parameters);
