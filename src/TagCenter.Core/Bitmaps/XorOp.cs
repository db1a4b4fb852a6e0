using System.Runtime.Intrinsics;

namespace TagCenter.Core.Bitmaps;

internal readonly struct XorOp : IWordOp
{
    public static ulong Apply(ulong a, ulong b) => a ^ b;

    public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => a ^ b;

    public static Vector128<ulong> Apply(Vector128<ulong> a, Vector128<ulong> b) => a ^ b;
}
