namespace TagCenter.Core.Diagnostics;

/// <summary>What was asked for does not exist: an identifier, a tag, a run.</summary>
public sealed class NotFoundException : TagCenterException
{
    public NotFoundException(string message) : base(message) { }

    public NotFoundException(string message, Exception inner) : base(message, inner) { }

    public NotFoundException() { }
}
