namespace TagCenter.DuckDb.Pipeline;

/// <summary>The stages of a run or refresh, in order; what a progress display names while it waits.</summary>
public enum PipelineStep
{
    Load,
    Identity,
    Models,
    Tags,
    Index,
    Segments,
}
