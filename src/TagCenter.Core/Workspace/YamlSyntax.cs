using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Workspace;

/// <summary>
/// Reads YAML text into nodes; when the text is not YAML, says why in words a person can act on, at the place
/// the mistake is: a tab used for indentation, a <c>{</c> or <c>[</c> never closed, an unquoted value with
/// <c>: </c> in it, or else the parser's own message at its position.
/// </summary>
public static class YamlSyntax
{
    /// <summary>The parsed stream, or null after adding one diagnostic to <paramref name="diagnostics"/>.</summary>
    public static YamlStream? Load(string yaml, string file, List<Diagnostic> diagnostics)
    {
        if (Scan(yaml, file) is { } problem)
        {
            diagnostics.Add(problem);
            return null;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
            return stream;
        }
        catch (YamlException e)
        {
            diagnostics.Add(Explain(yaml, file, e.Start, e.InnerException?.Message ?? e.Message, null, []));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            diagnostics.Add(new Diagnostic(file, 1, 1, Texts.T("workspace.yaml_error", e.Message)));
        }
        return null;
    }

    /// <summary>Walks the raw events first: syntax errors then carry the position where the parser stopped.</summary>
    private static Diagnostic? Scan(string yaml, string file)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new Stack<(ParsingEvent Start, bool Flow)>();
        var multiLine = new List<(long From, long To)>();
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart m:
                        open.Push((m, m.Style == MappingStyle.Flow));
                        break;
                    case SequenceStart s:
                        open.Push((s, s.Style == SequenceStyle.Flow));
                        break;
                    case MappingEnd or SequenceEnd when open.Count > 0:
                        open.Pop();
                        break;
                    case Scalar v when v.End.Line > v.Start.Line:
                        multiLine.Add((v.Start.Line + 1, v.End.Line));
                        break;
                }
            }
            // YAML may still read text with a tab in the indentation, as something else than was meant.
            return TabIndent(yaml.Split('\n'), int.MaxValue, multiLine, file);
        }
        catch (YamlException e)
        {
            return Explain(yaml, file, e.Start, e.InnerException?.Message ?? e.Message, InnermostFlow(open), multiLine);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner fails this way on some unclosed flow collections and bad tags.
            var at = parser.Current?.End ?? Mark.Empty;
            return Explain(yaml, file, at, e.Message, InnermostFlow(open), multiLine);
        }
    }

    private static ParsingEvent? InnermostFlow(Stack<(ParsingEvent Start, bool Flow)> open) =>
        open.FirstOrDefault(o => o.Flow).Start;

    /// <summary>The first line (up to <paramref name="lastLine"/>) indented with a tab, outside multi-line text values.</summary>
    private static Diagnostic? TabIndent(string[] lines, int lastLine, List<(long From, long To)> multiLine, string file)
    {
        for (var i = 0; i < Math.Min(lines.Length, lastLine); i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent && lines[i].Trim().Length > 0 && !multiLine.Any(r => i + 1 >= r.From && i + 1 <= r.To))
                return new Diagnostic(file, i + 1, tab + 1, Texts.T("workspace.yaml_tab"));
        }
        return null;
    }

    private static Diagnostic Explain(string yaml, string file, Mark at, string parserMessage, ParsingEvent? openFlow, List<(long From, long To)> multiLine)
    {
        var lines = yaml.Split('\n');
        var errorLine = (int)Math.Max(1, at.Line);
        // A tab in the indentation is the usual culprit, and YamlDotNet reports it at 1:1: look at every line.
        if (TabIndent(lines, int.MaxValue, multiLine, file) is { } tab)
            return tab;
        if (openFlow is not null)
        {
            var (bracket, close) = openFlow is MappingStart ? ("{", "}") : ("[", "]");
            return new Diagnostic(file, (int)openFlow.Start.Line, (int)openFlow.Start.Column, Texts.T("workspace.yaml_unclosed", bracket, close));
        }
        if (errorLine <= lines.Length && ColonInValue(lines[errorLine - 1].TrimEnd('\r')) is { } colon)
            return new Diagnostic(file, errorLine, colon.Column, Texts.T("workspace.yaml_colon", colon.Key));
        return new Diagnostic(file, errorLine, (int)Math.Max(1, at.Column), Texts.T("workspace.yaml_syntax", parserMessage));
    }

    /// <summary>For <c>key: some: text</c>, the key and the column where its value starts.</summary>
    private static (string Key, int Column)? ColonInValue(string line)
    {
        var text = line.TrimStart(' ', '-');
        var separator = text.IndexOf(": ", StringComparison.Ordinal);
        if (separator <= 0)
            return null;
        var value = text[(separator + 2)..].TrimStart();
        if (value.Length == 0 || value[0] is '"' or '\'' or '{' or '[' or '|' or '>' || !value.Contains(": ", StringComparison.Ordinal))
            return null;
        return (text[..separator].Trim(), line.Length - value.Length + 1);
    }
}
