namespace TagCenter.Core.Diagnostics;

/// <summary>The one exception root of TagCenter. Its message is meant for the user.</summary>
public class TagCenterException : Exception
{
    public TagCenterException(string message) : base(message) { }

    public TagCenterException(string message, Exception inner) : base(message, inner) { }

    public TagCenterException() { }
}
