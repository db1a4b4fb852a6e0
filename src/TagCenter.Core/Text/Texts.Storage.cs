namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Storage texts: opening the workspace database, files written by commands; keys start with <c>storage.</c>.</summary>
    private static (string Key, string Zh, string En)[] Storage =>
    [
        ("storage.folder", "无法创建目录 {0}：{1}", "cannot create the folder {0}: {1}"),
        ("storage.busy", "另一个 tagcenter 进程（PID {1}）正在写入工作区数据库 {0}；请等它结束后再试", "another tagcenter process (PID {1}) is writing to the workspace database {0}; try again when it has finished"),
        ("storage.readonly", "工作区数据库 {0} 所在位置只读，无法写入；只读命令（status、profile、tag show）仍可使用", "the workspace database {0} is on a read-only location and cannot be written; read-only commands (status, profile, tag show) still work"),
        ("storage.old_layout", "工作区数据库 {0} 是旧版本的格式，只读打开无法升级；请先运行一次写入命令（如 tagcenter refresh）", "the workspace database {0} has an older layout that a read-only open cannot upgrade; run a command that writes (such as tagcenter refresh) once first"),
        ("storage.open", "无法打开工作区数据库 {0}：{1}", "cannot open the workspace database {0}: {1}"),
        ("storage.snapshot", "另一个进程正在写入，显示的是它最近一次检查点的状态", "another process is writing; showing the state as of its last checkpoint"),
        ("storage.exists", "{0} 已存在；加 --force 覆盖", "{0} already exists; add --force to overwrite it"),
        ("storage.own_file", "{0} 是工作区自己的文件（定义、标签、数据源或数据库），不能作为输出", "{0} is one of the workspace's own files (definition, tags, a source or the database) and cannot be an output"),
        ("storage.write", "无法写入 {0}：{1}", "cannot write {0}: {1}"),
        ("storage.isfile", "{0} 是一个文件，不是目录", "{0} is a file, not a folder"),
        ("fresh.never_loaded", "数据源 {0} 从未加载", "source {0} was never loaded"),
        ("fresh.changed", "数据源 {0} 的文件或声明自上次加载后已变化", "source {0}: its file or declaration changed since the last load"),
        ("fresh.identity_never", "尚未运行身份统一", "identity has never run"),
        ("fresh.loaded_since", "数据源 {0} 在上次身份统一之后重新加载（{1:yyyy-MM-dd HH:mm:ss}）", "source {0} was loaded after the last identity run ({1:yyyy-MM-dd HH:mm:ss})"),
        ("fresh.fact_undeclared", "{0} 来自一个已不再声明的数据源，仍在被使用", "{0} comes from a source no longer declared and is still in use"),
        ("fresh.fact_missing", "{0} 已声明但尚未生成", "{0} is declared but not built yet"),
        ("fresh.tags_never", "尚未计算过标签", "tags have never been computed"),
        ("fresh.identity_since", "身份统一在 {0:yyyy-MM-dd HH:mm:ss} 又运行过，这些标签仍是之前的数据算的：{1}", "identity ran again at {0:yyyy-MM-dd HH:mm:ss}; these tags were computed on the facts before: {1}"),
        ("fresh.published_since", "这些标签发布了新定义后还没有重新计算：{0}", "these tags were published with new definitions and not computed since: {0}"),
        ("fresh.tags_uncomputed", "这些已发布的标签还没有计算过：{0}", "these published tags were never computed: {0}"),
        ("fresh.identity_inputs", "身份配置（identity、标识类型或数据源的标识列）在上次运行后有变化", "the identity configuration (identity, identifier types or the sources' identifier columns) changed since the last run"),
        ("fresh.file_missing", "数据源 {0} 的文件 {1} 不存在", "source {0}: its file {1} does not exist"),
    ];
}
