using Shouldly;
using TagCenter.Core.Activation;

namespace TagCenter.Core.Tests.Activation;

public sealed class TagStabilityTests
{
    [Fact]
    public void Flips_HandExample()
    {
        // Run 1: P1=高 P2=中 P3=低; run 2: P1=高 P2=高 P3 has no value, P4=低 → persons {P1..P4}, flipped P2, P3, P4 → 3/4.
        // Run 3: same as run 2 except P1=中 → persons {P1, P2, P4}, flipped P1 → 1/3.
        var runs = new List<IReadOnlyDictionary<string, string>>
        {
            new Dictionary<string, string> { ["P1"] = "高", ["P2"] = "中", ["P3"] = "低" },
            new Dictionary<string, string> { ["P1"] = "高", ["P2"] = "高", ["P4"] = "低" },
            new Dictionary<string, string> { ["P1"] = "中", ["P2"] = "高", ["P4"] = "低" },
        };

        TagStability.Flips(runs).ShouldBe([0.75, 1.0 / 3], tolerance: 1e-12);
    }
}
