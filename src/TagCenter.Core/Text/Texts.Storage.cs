namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Storage texts: opening the workspace database, files written by commands; keys start with <c>storage.</c>.</summary>
    private static (string Key, string Zh, string En)[] Storage =>
    [
        ("storage.folder", "无法创建目录 {0}：{1}", "cannot create the folder {0}: {1}"),
        ("storage.busy", "另一个 tagcenter 进程（PID {1}）正在写入工作区数据库 {0}；请等它结束后再试", "another tagcenter process (PID {1}) is writing to the workspace database {0}; try again when it has finished"),
        ("storage.readonly", "工作区数据库 {0} 所在位置只读，无法写入；只读命令（status、profile、tag show）仍可使用", "the workspace database {0} is on a read-only location and cannot be written; read-only commands (status, profile, tag show) still work"),
        ("storage.open", "无法打开工作区数据库 {0}：{1}", "cannot open the workspace database {0}: {1}"),
        ("storage.snapshot", "另一个进程正在写入，显示的是它最近一次检查点的状态", "another process is writing; showing the state as of its last checkpoint"),
        ("storage.exists", "{0} 已存在；加 --force 覆盖", "{0} already exists; add --force to overwrite it"),
        ("storage.write", "无法写入 {0}：{1}", "cannot write {0}: {1}"),
        ("storage.isfile", "{0} 是一个文件，不是目录", "{0} is a file, not a folder"),
        ("fresh.never_loaded", "数据源 {0} 从未加载", "source {0} was never loaded"),
        ("fresh.changed", "数据源 {0} 的文件或声明自上次加载后已变化", "source {0}: its file or declaration changed since the last load"),
        ("fresh.identity_never", "尚未运行身份统一", "identity has never run"),
        ("fresh.loaded_since", "数据源 {0} 在上次身份统一之后重新加载（{1:yyyy-MM-dd HH:mm:ss}）", "source {0} was loaded after the last identity run ({1:yyyy-MM-dd HH:mm:ss})"),
        ("fresh.fact_undeclared", "{0} 来自一个已不再声明的数据源，仍在被使用", "{0} comes from a source no longer declared and is still in use"),
        ("fresh.fact_missing", "{0} 已声明但尚未生成", "{0} is declared but not built yet"),
        ("fresh.tags_never", "尚未计算过标签", "tags have never been computed"),
        ("fresh.identity_since", "上次计算之后身份统一又运行过（{0:yyyy-MM-dd HH:mm:ss}），事实表已更新", "identity ran again after the last tag run ({0:yyyy-MM-dd HH:mm:ss}): the fact tables changed"),
        ("fresh.published_since", "上次计算之后发布了新的标签定义（{0:yyyy-MM-dd HH:mm:ss}）", "new tag definitions were published after the last tag run ({0:yyyy-MM-dd HH:mm:ss})"),
    ];
}
