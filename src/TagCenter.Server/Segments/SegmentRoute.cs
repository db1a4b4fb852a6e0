namespace TagCenter.Server.Segments;

/// <summary>
/// A segment's name as a <c>{name}</c> route value gives it. Names may hold '/' (a board's crowd is
/// <c>board/crowd</c>), which clients send escaped as <c>%2F</c>; ASP.NET decodes every escape in a path except
/// <c>%2F</c> (decoding it would split the path segment), so the route value still holds it. Every segment route
/// reads its name through here.
/// </summary>
internal static class SegmentRoute
{
    public static string Name(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
