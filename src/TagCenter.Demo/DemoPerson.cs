namespace TagCenter.Demo;

/// <summary>One simulated customer, the truth behind the dirty exports.</summary>
internal sealed record DemoPerson
{
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }
    public string? MemberNo { get; init; }
    public string? Email { get; init; }

    /// <summary>A second registration by the same customer (a few members have one).</summary>
    public string? SecondMemberNo => MemberNo is not null && Index % 250 == 17 ? "M" + (90_000_000 + Index).ToString("D8", System.Globalization.CultureInfo.InvariantCulture) : null;
    public required bool Male { get; init; }
    public required DateOnly Birthday { get; init; }
    public required string City { get; init; }
    public required string Level { get; init; }
    public required DateTime SignedUp { get; init; }

    /// <summary>Last day of activity before churning (null: still active).</summary>
    public DateTime? ChurnedAt { get; init; }

    /// <summary>When a churned customer came back (null: never).</summary>
    public DateTime? ReturnedAt { get; init; }

    /// <summary>Relative activity; log-normal, so a few people do most of the clicking and buying.</summary>
    public required double Activity { get; init; }

    public required IReadOnlyList<string> DeviceIds { get; init; }
    public string? Cookie { get; init; }
    public string? OpenId { get; init; }
    public string? UnionId { get; init; }
    public required string FavouriteCategory { get; init; }

    public bool IsActiveOn(DateTime day) =>
        day >= SignedUp && (ChurnedAt is null || day <= ChurnedAt || (ReturnedAt is not null && day >= ReturnedAt));
}
