using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TagCenter.Core.Activation;

/// <summary>
/// Puts a person in an arm of an experiment by a hash of (experiment, person) into 10,000 buckets: the same
/// person always lands in the same arm, whoever else is in the segment, and different experiments split independently.
/// </summary>
public static class ArmAssignment
{
    public const string Holdout = "holdout";

    /// <summary>The bucket 0..9999 of a person in an experiment.</summary>
    public static int Bucket(string experiment, string person)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(experiment + "\n" + person));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % 10_000);
    }

    /// <summary>The arm's name, <see cref="Holdout"/>, or null when the arms and holdout leave the person out (they sum under 100%).</summary>
    public static string? Arm(ExperimentDefinition experiment, string person)
    {
        var bucket = Bucket(experiment.Name, person);
        var upTo = 0m;
        foreach (var arm in experiment.Arms)
        {
            upTo += arm.Percent * 100;
            if (bucket < upTo)
                return arm.Name;
        }
        return bucket < upTo + experiment.Holdout * 100 ? Holdout : null;
    }
}
