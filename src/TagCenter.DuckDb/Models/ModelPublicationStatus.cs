namespace TagCenter.DuckDb.Models;

/// <summary>Where a model stands between models/ and what <c>apply</c> published (what <c>tagcenter run</c> trains).</summary>
public enum ModelPublicationStatus
{
    /// <summary>Published as the files declare it.</summary>
    Published,

    /// <summary>Published, but its file has changed since: <c>run</c> trains the published definition until <c>apply</c>.</summary>
    Changed,

    /// <summary>Only in the files: nothing trains it until <c>apply</c>.</summary>
    New,

    /// <summary>Published, no longer in the files: <c>run</c> trains it until <c>apply</c> removes it.</summary>
    Removed,
}
