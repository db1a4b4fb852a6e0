namespace TagCenter.Core.Fields;

/// <summary>A class pinned by hand, with the note the workspace gave for it.</summary>
public sealed record FieldPinInfo(FieldClass Class, string? Note);
