namespace TagCenter.Client;

/// <summary><c>/api/v1/boards</c>: the crowd boards, and one board's crowds with their size, change since the previous run and week over week.</summary>
public sealed class BoardsClient
{
    private const string Root = ApiConnection.Api + "boards";

    private readonly ApiConnection _api;

    internal BoardsClient(ApiConnection api) => _api = api;

    public Task<IReadOnlyList<BoardSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<BoardSummary>>(Root, cancellationToken);

    public Task<BoardView> GetAsync(string name, CancellationToken cancellationToken = default) =>
        _api.GetAsync<BoardView>(Root + "/" + Query.Segment(name), cancellationToken);
}

/// <summary>A board in the list of boards.</summary>
public sealed record BoardSummary(string Name, string? Description, string File, IReadOnlyList<string> Crowds);

/// <summary>A crowd board: each crowd's figures, and the problems of its file.</summary>
public sealed record BoardView(string Board, IReadOnlyList<BoardCrowd> Crowds, IReadOnlyList<ApiDiagnostic> Problems);

public sealed record BoardCrowd(string Crowd, string Segment, long? Size, double? Share, DateTime? AsOf, long? Previous, long? Change, long? WeekAgo, long? WeekChange);
