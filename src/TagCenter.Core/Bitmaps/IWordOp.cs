using System.Runtime.Intrinsics;

namespace TagCenter.Core.Bitmaps;

/// <summary>A bitwise operation on words and vectors; a struct type argument lets the JIT inline it per operation.</summary>
internal interface IWordOp
{
    static abstract ulong Apply(ulong a, ulong b);

    static abstract Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b);

    static abstract Vector128<ulong> Apply(Vector128<ulong> a, Vector128<ulong> b);
}
