using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Workspace;

/// <summary>Parses one entry of <c>sources:</c>.</summary>
internal static class SourceParser
{
    private static readonly string[] SourceKeys =
    [
        "kind", "path", "encoding", "delimiter", "quote", "header", "connection", "connection_env", "table", "query",
        "entity", "description", "event_time", "dedupe", "max_reject_ratio", "max_shrink", "columns", "fact", "owner",
        "write_key", "write_key_env",
    ];

    private static readonly string[] ColumnKeys =
    [
        "from", "type", "required", "identifier", "unit", "min", "max", "pattern", "reject_pattern", "values", "map", "on_invalid", "pii",
    ];

    private static readonly string[] Encodings = ["utf-8", "gbk", "gb18030"];

    public static SourceDefinition? Parse(
        string name, YamlMap source, string file, List<Diagnostic> diagnostics,
        List<EntityTypeDefinition> entities, List<IdentifierTypeDefinition> identifiers, SourcePaths paths)
    {
        var context = Texts.T("workspace.what_source", name);
        source.AllowOnly(context, SourceKeys);
        var kind = source.Enum<SourceKind>("kind");
        if (kind is null && source.Get("kind") is null)
            source.Error("kind", Texts.T("workspace.source_kind_missing", context));

        var path = source.String("path");
        if (kind is SourceKind.Csv or SourceKind.Jsonl or SourceKind.Parquet && string.IsNullOrWhiteSpace(path))
            source.Error("path", Texts.T("workspace.source_path_missing", context));
        else if (path is not null && !paths.AllowOutside && !paths.IsInside(path))
            source.Error("path", Texts.T("workspace.path_outside", path));

        var encoding = (source.String("encoding") ?? "utf-8").Trim().ToLowerInvariant();
        if (encoding == "utf8")
            encoding = "utf-8";
        if (!Encodings.Contains(encoding))
            source.Error("encoding", Texts.T("workspace.encoding", encoding, string.Join(", ", Encodings)));

        var entity = source.String("entity") ?? "person";
        if (entities.All(e => e.Name != entity))
            source.Error("entity", Texts.T("workspace.unknown_entity", entity, string.Join(", ", entities.Select(e => e.Name))));

        if (kind == SourceKind.Postgres)
        {
            if (source.String("connection") is null && source.String("connection_env") is null)
                source.Error("kind", Texts.T("workspace.pg_connection", context));
            if ((source.String("table") is null) == (source.String("query") is null))
                source.Error("kind", Texts.T("workspace.pg_table_or_query", context));
        }

        if (kind == SourceKind.Segment && source.String("write_key") is null && source.String("write_key_env") is null)
            source.Error("kind", Texts.T("workspace.segment_write_key", context));
        else if (kind != SourceKind.Segment && (source.String("write_key") ?? source.String("write_key_env")) is not null)
            source.Error(source.String("write_key") is null ? "write_key_env" : "write_key", Texts.T("workspace.write_key_kind", context));

        var columns = ParseColumns(source, context, file, diagnostics, identifiers);
        var dedupe = source.List("dedupe") ?? [];
        foreach (var key in dedupe.Where(k => columns.All(c => c.Name != k)))
            source.Error("dedupe", Texts.T("workspace.dedupe_column", key, context));
        var eventTime = source.String("event_time");
        if (eventTime is not null && columns.All(c => c.Name != eventTime))
            source.Error("event_time", Texts.T("workspace.event_time_column", eventTime, context));
        var ratio = source.Decimal("max_reject_ratio") ?? 0.5m;
        if (ratio is < 0 or > 1)
            source.Error("max_reject_ratio", Texts.T("workspace.share", "max_reject_ratio"));
        var shrink = source.Decimal("max_shrink");
        if (shrink is < 0 or > 1)
            source.Error("max_shrink", Texts.T("workspace.share", "max_shrink"));

        var fact = source.String("fact");
        if (fact is not null && !System.Text.RegularExpressions.Regex.IsMatch(fact, "^[a-z][a-z0-9_]{0,40}$"))
            source.Error("fact", Texts.T("workspace.bad_name", Texts.T("workspace.kind_fact"), fact));
        (string, string)? owner = null;
        if (source.String("owner") is { } ownerText)
        {
            var parts = ownerText.Split('.');
            if (parts.Length != 2 || columns.All(c => c.Name != parts[1]))
                source.Error("owner", Texts.T("workspace.owner", context, ownerText));
            else
                owner = (parts[0], parts[1]);
        }

        if (kind is null)
            return null;
        return new SourceDefinition
        {
            Name = name,
            Kind = kind.Value,
            Path = path,
            Encoding = encoding,
            Delimiter = SingleChar(source, "delimiter", ','),
            Quote = SingleChar(source, "quote", '"'),
            Header = source.Bool("header") ?? true,
            Connection = source.String("connection"),
            ConnectionEnv = source.String("connection_env"),
            Table = source.String("table"),
            Query = source.String("query"),
            WriteKey = source.String("write_key"),
            WriteKeyEnv = source.String("write_key_env"),
            Entity = entity,
            Description = source.String("description"),
            EventTime = eventTime,
            Dedupe = dedupe,
            MaxRejectRatio = (double)ratio,
            MaxShrink = (double?)shrink,
            Columns = columns,
            Fact = fact,
            Owner = owner,
        };
    }

    private static char SingleChar(YamlMap source, string key, char fallback)
    {
        var text = source.String(key);
        if (text is null)
            return fallback;
        if (text == "\\t")
            return '\t';
        if (text.Length == 1)
            return text[0];
        source.Error(key, Texts.T("workspace.single_char", key, text));
        return fallback;
    }

    private static List<ColumnDefinition> ParseColumns(
        YamlMap source, string context, string file, List<Diagnostic> diagnostics, List<IdentifierTypeDefinition> identifiers)
    {
        var result = new List<ColumnDefinition>();
        var map = YamlMap.From(source.Get("columns"), Texts.T("workspace.what_columns", context), file, diagnostics);
        if (map is null)
        {
            if (source.Get("columns") is null)
                source.Error("columns", Texts.T("workspace.columns_missing", context));
            return result;
        }
        foreach (var (name, keyNode, value) in map.Entries)
        {
            WorkspaceLoader.CheckName(name, keyNode, Texts.T("workspace.kind_column"), file, diagnostics);
            if (name.StartsWith('_'))
                diagnostics.Add(YamlMap.At(file, keyNode, Texts.T("workspace.column_reserved")));
            var columnContext = Texts.T("workspace.what_column", name, context);
            // A bare scalar is shorthand for the type: `city: city`.
            if (value is YamlScalarNode scalar)
            {
                var type = ParseType(scalar.Value, scalar, file, diagnostics);
                result.Add(new ColumnDefinition { Name = name, From = name, Type = type });
                continue;
            }
            var column = YamlMap.From(value, columnContext, file, diagnostics);
            if (column is null)
                continue;
            column.AllowOnly(columnContext, ColumnKeys);
            var identifier = column.String("identifier");
            if (identifier is not null && identifiers.All(i => i.Name != identifier))
            {
                column.Error("identifier", Texts.T("workspace.unknown_identifier", identifier, Suggest.Hint(identifier, identifiers.Select(i => i.Name)), string.Join(", ", identifiers.Select(i => i.Name))));
            }
            var unit = (column.String("unit") ?? "yuan").Trim().ToLowerInvariant();
            if (unit is not ("yuan" or "fen"))
                column.Error("unit", Texts.T("workspace.unit", unit));
            var pattern = column.String("pattern");
            var reject = column.String("reject_pattern");
            CheckRegex(column, "pattern", pattern);
            CheckRegex(column, "reject_pattern", reject);
            result.Add(new ColumnDefinition
            {
                Name = name,
                From = column.String("from") ?? name,
                Type = column.Get("type") is { } typeNode ? ParseType((typeNode as YamlScalarNode)?.Value, typeNode, file, diagnostics) : ColumnType.String,
                Required = column.Bool("required") ?? false,
                Identifier = identifier,
                Unit = unit,
                Min = column.Decimal("min"),
                Max = column.Decimal("max"),
                Pattern = pattern,
                RejectPattern = reject,
                Values = column.List("values"),
                Map = column.StringMap("map"),
                OnInvalid = column.Enum<InvalidValueAction>("on_invalid") ?? InvalidValueAction.Quarantine,
                Pii = column.Enum<Governance.PiiKind>("pii"),
            });
        }
        return result;
    }

    private static ColumnType ParseType(string? text, YamlNode node, string file, List<Diagnostic> diagnostics)
    {
        var names = Enum.GetNames<ColumnType>().Select(n => n.ToLowerInvariant()).ToArray();
        var index = Array.IndexOf(names, (text ?? "").Trim().ToLowerInvariant());
        if (index >= 0)
            return Enum.GetValues<ColumnType>()[index];
        diagnostics.Add(YamlMap.At(file, node, Texts.T("workspace.column_type", text, Suggest.Hint(text ?? "", names), string.Join(", ", names))));
        return ColumnType.String;
    }

    private static void CheckRegex(YamlMap column, string key, string? pattern)
    {
        if (pattern is null)
            return;
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            column.Error(key, Texts.T("workspace.regex", key, e.Message));
        }
    }
}
