using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;
using TagCenter.Server.Segments;

namespace TagCenter.Server.Analysis;

/// <summary>
/// <c>/api/v1/boards</c>: crowd boards (人群看板) as <c>board show --json</c>: each crowd's size, change since the
/// previous run and week over week, read from the segments' runs (nothing recomputed), and why a crowd never
/// computed was not. Crowds of segments the caller may not see are left out.
/// </summary>
internal static class BoardsEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", List).WithName("ListBoards").WithSummary("Every crowd board and its crowds").RequireScope(ApiScopes.Read);
        group.MapGet("/{name}", ShowAsync).WithName("GetBoard").WithSummary("A crowd board: each crowd's size, change since the previous run and week over week").RequireScope(ApiScopes.Read);
    }

    private static Ok<List<BoardSummary>> List(HttpContext context, SegmentAccess access)
    {
        var visible = access.Visible(Caller.Of(context));
        var (_, boards) = WorkspaceSegments.Load(access.Host.Definition);
        return TypedResults.Ok(boards.Boards.Select(b => new BoardSummary(b.Name, b.Description, b.File,
            [.. b.Crowds.Where(c => visible.Find(c.Segment) is not null).Select(c => c.Name)])).ToList());
    }

    private static async Task<Ok<BoardView>> ShowAsync(string name, HttpContext context, SegmentAccess access, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        var visible = access.Visible(caller);
        var (_, boards) = WorkspaceSegments.Load(access.Host.Definition);
        var board = boards.Get(name);
        board = board with { Crowds = [.. board.Crowds.Where(c => visible.Find(c.Segment) is not null)] };
        var view = await access.Host.ReadAsync((db, _) =>
        {
            var rows = BoardFigures.Of(db, board);
            return new BoardView(board.Name,
                [.. rows.Select(r => new BoardCrowdView(r.Crowd, r.Segment, r.Latest?.Size, r.Latest?.Share, r.Latest?.AsOf, r.Previous, r.Change, r.WeekAgo, r.WeekChange))],
                [.. Problems(db, access, caller, visible, rows).Select(d => new ProblemView(d.File, d.Line, d.Column, d.Message))]);
        }, cancellationToken);
        return TypedResults.Ok(view);
    }

    /// <summary>Why the crowds never computed were not: their rules' problems against the published tags.</summary>
    private static IReadOnlyList<Diagnostic> Problems(DuckDb.Storage.WorkspaceDatabase db, SegmentAccess access, Caller caller, SegmentCatalog visible, IReadOnlyList<BoardRow> rows)
    {
        var missing = rows.Where(r => r.Latest is null).ToList();
        if (missing.Count == 0 || !db.TableExists("dim_person") || PublishedCatalog.Load(db) is not { } catalog)
            return [];
        var evaluator = new SegmentEvaluator(db, access.Policy.VisibleTags(catalog, caller), WorkspaceSegments.AsOf(db, access.Host.Definition, access.Host.Time));
        return [.. missing.SelectMany(r => evaluator.Check(visible.Get(r.Segment)))];
    }
}
