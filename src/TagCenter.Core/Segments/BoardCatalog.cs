using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Segments;

/// <summary>
/// The crowd boards of a workspace (<c>boards/*.yaml</c>). A crowd is <c>name: rule</c> or
/// <c>name: { segment: 高价值沉默 }</c>; an inline rule becomes a dynamic segment named <c>board/crowd</c>.
/// </summary>
public sealed class BoardCatalog
{
    public const string Folder = "boards";

    private BoardCatalog(IReadOnlyList<BoardDefinition> boards) => Boards = boards;

    public IReadOnlyList<BoardDefinition> Boards { get; }

    /// <summary>The segments written inline in boards (evaluated after every tag run with the declared ones).</summary>
    public IEnumerable<SegmentDefinition> InlineSegments => Boards.SelectMany(b => b.Crowds).Select(c => c.Inline).OfType<SegmentDefinition>();

    public BoardDefinition Get(string name) => Boards.FirstOrDefault(b => b.Name == name)
        ?? throw new NotFoundException(Texts.T("board.unknown", name, Suggest.Hint(name, Boards.Select(b => b.Name)),
            Boards.Count == 0 ? Texts.T("board.none") : string.Join(", ", Boards.Select(b => b.Name))));

    /// <summary>Reads the boards; a crowd naming a segment that does not exist is a diagnostic at its line.</summary>
    public static BoardCatalog Load(string workspaceRoot, SegmentCatalog segments)
    {
        var diagnostics = new List<Diagnostic>();
        var boards = new List<BoardDefinition>();
        foreach (var (file, stem, text) in YamlFolder.Read(workspaceRoot, Folder))
            if (ParseFile(file, stem, text, segments, diagnostics) is { } board)
                boards.Add(board);
        foreach (var twice in boards.GroupBy(b => b.Name).Where(g => g.Count() > 1))
            diagnostics.Add(new Diagnostic(twice.Last().File, 1, 1, Texts.T("board.twice", twice.Key, twice.First().File)));
        if (diagnostics.Count > 0)
            throw new WorkspaceException(diagnostics);
        return new BoardCatalog(boards);
    }

    public static BoardDefinition? ParseFile(string file, string defaultName, string yaml, SegmentCatalog segments, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        if (YamlSyntax.Load(yaml, file, diagnostics) is not { } stream || stream.Documents.Count == 0)
            return null;
        var context = Texts.T("board.what.file");
        var top = YamlMap.From(stream.Documents[0].RootNode, context, file, diagnostics);
        if (top is null)
            return null;
        top.AllowOnly(context, "name", "description", "crowds");
        var name = (top.String("name") ?? defaultName).Trim();
        if (SegmentCatalog.Problem(name) is { } bad)
            top.Error("name", bad);
        var crowds = new List<BoardCrowd>();
        if (top.Get("crowds") is null)
            top.Error("crowds", Texts.T("board.nocrowds", name));
        foreach (var (crowd, keyNode, value) in YamlMap.From(top.Get("crowds"), "crowds", file, diagnostics)?.Entries ?? [])
        {
            if (value is YamlScalarNode scalar)
            {
                if (string.IsNullOrWhiteSpace(scalar.Value))
                {
                    diagnostics.Add(YamlMap.At(file, keyNode, Texts.T("segment.rule.empty", crowd)));
                    continue;
                }
                var inline = new SegmentDefinition
                {
                    Name = $"{name}/{crowd}",
                    Rule = scalar.Value,
                    File = file,
                    RuleLine = (int)scalar.Start.Line,
                    RuleColumn = (int)scalar.Start.Column + (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0),
                    Description = Texts.T("board.inline", name),
                };
                crowds.Add(new BoardCrowd(crowd, inline.Name, inline));
                continue;
            }
            var map = YamlMap.From(value, $"crowd '{crowd}'", file, diagnostics);
            if (map is null)
                continue;
            map.AllowOnly($"crowd '{crowd}'", "segment");
            var segment = map.String("segment", required: true, context: $"crowd '{crowd}'");
            if (segment is null)
                continue;
            if (segments.Find(segment) is null)
            {
                map.Error("segment", Texts.T("segment.unknown", segment, Suggest.Hint(segment, segments.Segments.Select(s => s.Name)),
                    segments.Segments.Count == 0 ? Texts.T("segment.none") : string.Join(", ", segments.Segments.Select(s => s.Name))));
                continue;
            }
            crowds.Add(new BoardCrowd(crowd, segment, null));
        }
        return diagnostics.Count > before ? null : new BoardDefinition(name, top.String("description"), crowds, file);
    }
}
