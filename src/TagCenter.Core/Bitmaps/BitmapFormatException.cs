using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;

namespace TagCenter.Core.Bitmaps;

/// <summary>Bytes that are not a valid Roaring portable bitmap; says what is wrong and at which byte.</summary>
public sealed class BitmapFormatException : TagCenterException
{
    public BitmapFormatException(long offset, string problem)
        : base(Texts.T("bitmap.corrupt", offset, problem))
    {
        Offset = offset;
    }

    public BitmapFormatException() { }

    public BitmapFormatException(string message) : base(message) { }

    public BitmapFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The byte offset, from the start of the bitmap, where the problem was found.</summary>
    public long Offset { get; }
}
