namespace TagCenter.Core.Bitmaps;

public sealed partial class RoaringBitmap
{
    public static RoaringBitmap And(RoaringBitmap a, RoaringBitmap b)
    {
        var result = new RoaringBitmap();
        int i = 0, j = 0;
        while (i < a._size && j < b._size)
        {
            if (a._keys[i] < b._keys[j])
                i++;
            else if (a._keys[i] > b._keys[j])
                j++;
            else
            {
                result.Append(a._keys[i], ContainerAlgebra.And(a._containers[i], b._containers[j]));
                i++;
                j++;
            }
        }
        return result;
    }

    /// <summary>|a ∩ b| without building the intersection.</summary>
    public static long AndCardinality(RoaringBitmap a, RoaringBitmap b)
    {
        long n = 0;
        int i = 0, j = 0;
        while (i < a._size && j < b._size)
        {
            if (a._keys[i] < b._keys[j])
                i++;
            else if (a._keys[i] > b._keys[j])
                j++;
            else
                n += ContainerAlgebra.AndCardinality(a._containers[i++], b._containers[j++]);
        }
        return n;
    }

    public static RoaringBitmap AndNot(RoaringBitmap a, RoaringBitmap b)
    {
        var result = new RoaringBitmap();
        int i = 0, j = 0;
        while (i < a._size)
        {
            if (j >= b._size || a._keys[i] < b._keys[j])
            {
                result.Append(a._keys[i], a._containers[i].Clone());
                i++;
            }
            else if (a._keys[i] > b._keys[j])
                j++;
            else
            {
                result.Append(a._keys[i], ContainerAlgebra.AndNot(a._containers[i], b._containers[j]));
                i++;
                j++;
            }
        }
        return result;
    }

    public static RoaringBitmap Or(RoaringBitmap a, RoaringBitmap b) => Merge(a, b, ContainerAlgebra.Or);

    public static RoaringBitmap Xor(RoaringBitmap a, RoaringBitmap b) => Merge(a, b, ContainerAlgebra.Xor);

    public static RoaringBitmap operator &(RoaringBitmap a, RoaringBitmap b) => And(a, b);

    public static RoaringBitmap operator |(RoaringBitmap a, RoaringBitmap b) => Or(a, b);

    public static RoaringBitmap operator ^(RoaringBitmap a, RoaringBitmap b) => Xor(a, b);

    public static RoaringBitmap BitwiseAnd(RoaringBitmap a, RoaringBitmap b) => And(a, b);

    public static RoaringBitmap BitwiseOr(RoaringBitmap a, RoaringBitmap b) => Or(a, b);

    // Keys in only one operand keep their container (copied); shared keys combine.
    private static RoaringBitmap Merge(RoaringBitmap a, RoaringBitmap b, Func<Container, Container, Container?> combine)
    {
        var result = new RoaringBitmap();
        int i = 0, j = 0;
        while (i < a._size || j < b._size)
        {
            if (j >= b._size || (i < a._size && a._keys[i] < b._keys[j]))
            {
                result.Append(a._keys[i], a._containers[i].Clone());
                i++;
            }
            else if (i >= a._size || a._keys[i] > b._keys[j])
            {
                result.Append(b._keys[j], b._containers[j].Clone());
                j++;
            }
            else
            {
                result.Append(a._keys[i], combine(a._containers[i], b._containers[j]));
                i++;
                j++;
            }
        }
        return result;
    }

    private void Append(ushort key, Container? container)
    {
        if (container is not null)
            Insert(_size, key, container);
    }
}
