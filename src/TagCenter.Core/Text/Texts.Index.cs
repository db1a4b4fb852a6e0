namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for the tag index (ordinals, build, files, plans); keys start with <c>index.</c>.</summary>
    private static (string Key, string Zh, string En)[] Index =>
    [
        ("index.built", "已为 {1} 人建立 {0} 个标签的位图索引（{2}，用时 {3}）", "indexed {0} tags for {1} persons ({2}, {3})"),
        ("index.step", "索引", "index"),
        ("index.missing", "工作区还没有标签索引（{0}）；请先运行 tagcenter refresh", "the workspace has no tag index ({0}); run tagcenter refresh first"),
        ("index.stale", "标签索引建于运行 {0}，早于最近一次标签运行 {1}；请重新运行 tagcenter refresh", "the tag index was built for run {0}, before the last tag run {1}; run tagcenter refresh"),
        ("index.corrupt", "标签索引文件 {0} 已损坏：{1}；删除它并运行 tagcenter refresh 可重建", "the tag index file {0} is corrupt: {1}; delete it and run tagcenter refresh to rebuild it"),
        ("index.corrupt.short", "文件只有 {0} 字节，不是完整的索引文件", "it is {0} bytes long, too short for an index file"),
        ("index.corrupt.magic", "开头或末尾缺少索引标记（文件被截断，或不是索引文件）", "the start or end marker is missing (the file is truncated or is not an index file)"),
        ("index.corrupt.manifest", "目录无法读取：{0}", "its directory cannot be read: {0}"),
        ("index.corrupt.range", "标签 {0} 的位图位于第 {1}–{2} 字节，超出数据区（{3} 字节）", "a bitmap of tag {0} lies at bytes {1}–{2}, outside the data area ({3} bytes)"),
        ("index.corrupt.bitmap", "标签 {0} 的位图：{1}", "a bitmap of tag {0}: {1}"),
        ("index.version", "索引文件版本 {0} 不受支持（此版本读取版本 {1}）", "index file version {0} is not supported (this version reads {1})"),
        ("index.ordinals-full", "人员序号已用尽：需要 {0} 个，最多 4294967295 个", "person ordinals are exhausted: {0} needed, at most 4294967295"),
        ("index.write", "无法写入标签索引 {0}：{1}", "cannot write the tag index {0}: {1}"),
    ];
}
