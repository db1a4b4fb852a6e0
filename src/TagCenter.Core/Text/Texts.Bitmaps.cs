namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Bitmap index texts; keys start with <c>bitmap.</c>.</summary>
    private static (string Key, string Zh, string En)[] Bitmaps =>
    [
        ("bitmap.corrupt", "位图数据损坏（第 {0} 字节）：{1}", "corrupt bitmap data at byte {0}: {1}"),
        ("bitmap.truncated", "数据在读取{0}时提前结束（需要 {1} 字节，只剩 {2} 字节）", "the data ends inside {0} ({1} bytes needed, {2} left)"),
        ("bitmap.cookie", "未知的格式标识 {0}（Roaring 可移植格式应为 12346 或 12347）", "unknown cookie {0} (the Roaring portable format starts with 12346 or 12347)"),
        ("bitmap.too-many", "容器数 {0} 超过上限 65536", "{0} containers, more than the 65536 possible"),
        ("bitmap.keys", "容器键 {0} 未严格递增（前一个为 {1}）", "container key {0} does not follow {1} in increasing order"),
        ("bitmap.offset", "容器 {0} 的偏移量为 {1}，但数据位于 {2}", "container {0} is said to start at byte {1} but starts at {2}"),
        ("bitmap.array", "数组容器 {0} 的值 {1} 未严格递增", "array container {0}: value {1} is not in strictly increasing order"),
        ("bitmap.bitset", "位图容器 {0} 有 {1} 个 1 位，头部记为 {2}", "bitset container {0} has {1} bits set, the header says {2}"),
        ("bitmap.run", "行程容器 {0} 的第 {1} 段与前一段重叠、未排序或越界", "run container {0}: run {1} overlaps the previous one, is out of order or passes 65535"),
        ("bitmap.run-card", "行程容器 {0} 含 {1} 个值，头部记为 {2}", "run container {0} holds {1} values, the header says {2}"),
        ("bitmap.what.cookie", "格式标识", "the cookie"),
        ("bitmap.what.header", "头部", "the header"),
        ("bitmap.what.container", "容器 {0}", "container {0}"),
    ];
}
