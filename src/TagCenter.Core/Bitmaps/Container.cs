namespace TagCenter.Core.Bitmaps;

/// <summary>
/// The low 16 bits of the values that share one high 16-bit key. Mutators return the container that holds the
/// result, which is a different kind when the cardinality crosses a threshold; callers keep what they get back.
/// </summary>
internal abstract class Container
{
    /// <summary>Largest array container; above it a bitset is smaller (the Roaring threshold).</summary>
    public const int ArrayMaxCardinality = 4096;

    public const int BitsetWords = 1024;

    public abstract int Cardinality { get; }

    public abstract ushort Min { get; }

    public abstract ushort Max { get; }

    public abstract bool Contains(ushort value);

    public abstract Container Add(ushort value);

    public abstract Container Remove(ushort value);

    /// <summary>Sets this container's bits in <paramref name="words"/> (1024 words, not cleared here).</summary>
    public abstract void SetBits(Span<ulong> words);

    public abstract int NumberOfRuns();

    public abstract Container Clone();

    public abstract IEnumerable<ushort> Values();

    /// <summary>Bytes this container takes in the portable format (without its header entry).</summary>
    public abstract int SerializedSize { get; }

    /// <summary>The smallest of array, bitset and run for the same values (the Roaring rule; ties keep non-run).</summary>
    public Container Optimize()
    {
        var runs = NumberOfRuns();
        var asRun = RunContainer.SizeFor(runs);
        var card = Cardinality;
        var asOther = card <= ArrayMaxCardinality ? ArrayContainer.SizeFor(card) : BitsetContainer.Size;
        if (this is RunContainer)
            return asRun <= asOther ? this : FromBits(this);
        if (asRun < asOther)
            return RunContainer.FromContainer(this, runs);
        return this;
    }

    /// <summary>An array or a bitset holding the same values, whichever the cardinality calls for.</summary>
    public static Container FromBits(Container source)
    {
        if (source.Cardinality <= ArrayMaxCardinality)
            return ArrayContainer.FromValues(source.Values(), source.Cardinality);
        var words = new ulong[BitsetWords];
        source.SetBits(words);
        return new BitsetContainer(words, source.Cardinality);
    }
}
