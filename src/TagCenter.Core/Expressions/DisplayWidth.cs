namespace TagCenter.Core.Expressions;

/// <summary>How many terminal columns text takes: East Asian wide and full-width characters take two.</summary>
public static class DisplayWidth
{
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += Wide(rune.Value) ? 2 : 1;
        return width;
    }

    // The wide (W) and full-width (F) ranges of Unicode's East Asian Width that occur in practice.
    private static bool Wide(int c) =>
        c is >= 0x1100 and <= 0x115F        // Hangul Jamo
            or >= 0x2E80 and <= 0x303E      // CJK radicals, punctuation
            or >= 0x3041 and <= 0x33FF      // kana, CJK symbols
            or >= 0x3400 and <= 0x4DBF      // CJK extension A
            or >= 0x4E00 and <= 0x9FFF      // CJK unified ideographs
            or >= 0xA000 and <= 0xA4CF      // Yi
            or >= 0xAC00 and <= 0xD7A3      // Hangul syllables
            or >= 0xF900 and <= 0xFAFF      // CJK compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F      // CJK compatibility forms
            or >= 0xFF00 and <= 0xFF60      // full-width forms
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F    // emoji
            or >= 0x1F900 and <= 0x1F9FF
            or >= 0x20000 and <= 0x3FFFD;   // CJK extensions B and beyond
}
