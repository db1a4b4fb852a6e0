namespace TagCenter.Core.Text;

/// <summary>The languages every user-facing text exists in.</summary>
public enum Language
{
    En,
    Zh,
}
