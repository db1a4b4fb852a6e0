namespace TagCenter.DuckDb.Models;

public enum ModelChangeAction
{
    Added,

    Changed,

    Removed,
}
