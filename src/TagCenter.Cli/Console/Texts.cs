using System.Globalization;

namespace TagCenter.Cli.Console;

/// <summary>User-facing text in 简体中文 and English. Keys are stable; the language is picked once per run.</summary>
internal sealed class Texts
{
    private static readonly Dictionary<string, (string Zh, string En)> All = new(StringComparer.Ordinal)
    {
        ["app.description"] = ("TagCenter 统一标签中心：整合数据源、统一身份、定义与计算标签", "TagCenter, the unified tag center: integrate sources, unify identities, define and compute tags"),
        ["opt.lang"] = ("界面语言：zh 或 en（默认跟随系统）", "Language of messages: zh or en (default: the OS culture)"),
        ["opt.json"] = ("以 JSON 输出，供脚本使用", "Write JSON for scripts instead of tables"),
        ["opt.workspace"] = ("工作区目录", "Workspace folder"),
        ["opt.persons"] = ("示例人数", "Number of simulated customers"),
        ["opt.seed"] = ("随机种子（相同种子生成相同数据）", "Random seed (the same seed gives the same data)"),
        ["opt.source"] = ("只加载这些数据源", "Load only these sources"),
        ["opt.force"] = ("即使文件未变化也重新加载", "Reload even when the file has not changed"),
        ["cmd.init"] = ("创建带注释的入门工作区", "Create a commented starter workspace"),
        ["cmd.demo"] = ("生成示例零售工作区并端到端运行所有阶段", "Build the sample retail workspace end to end and report what was found"),
        ["cmd.load"] = ("加载并清洗数据源", "Load and cleanse sources"),
        ["cmd.status"] = ("查看各数据源的加载状态与隔离原因", "Show each source's last load and quarantine reasons"),
        ["init.exists"] = ("{0} 已存在；未做任何修改", "{0} already exists; nothing was changed"),
        ["init.done"] = ("已创建工作区 {0}。下一步：tagcenter load --workspace {0}", "Created workspace {0}. Next: tagcenter load --workspace {0}"),
        ["step.generate"] = ("生成示例数据", "Generate sample data"),
        ["step.load"] = ("加载与清洗", "Load and cleanse"),
        ["gen.summary"] = ("{0} 个数据源 · {1:N0} 人 · {2:N0} 条事件", "{0} sources · {1:N0} people · {2:N0} events"),
        ["load.summary"] = ("读取 {0:N0} = 入库 {1:N0} + 隔离 {2:N0}", "read {0:N0} = loaded {1:N0} + quarantined {2:N0}"),
        ["load.top"] = ("主要原因", "top reasons"),
        ["load.failed"] = ("{0} 个数据源加载失败（之前的数据保持不变）", "{0} source(s) failed to load (their previous data is unchanged)"),
        ["load.unchanged"] = ("未变化", "unchanged"),
        ["load.loading"] = ("加载 {0}", "Loading {0}"),
        ["col.source"] = ("数据源", "Source"),
        ["col.read"] = ("读取", "Read"),
        ["col.loaded"] = ("入库", "Loaded"),
        ["col.quarantined"] = ("隔离", "Quarantined"),
        ["col.nulled"] = ("置空值", "Nulled values"),
        ["col.reasons"] = ("主要原因", "Top reasons"),
        ["col.time"] = ("耗时", "Time"),
        ["col.status"] = ("状态", "Status"),
        ["col.last"] = ("最近加载", "Last load"),
        ["status.never"] = ("从未加载", "never loaded"),
        ["demo.next"] = ("下一步：tagcenter identity stats -w {0} · tagcenter profile <手机号> -w {0}\n数据库：{1}", "Next: tagcenter identity stats -w {0} · tagcenter profile <phone> -w {0}\ndatabase: {1}"),
        ["demo.done"] = ("完成，用时 {0:0.0} 秒", "Done in {0:0.0}s"),
        ["error"] = ("错误", "error"),
        ["cmd.identity"] = ("身份统一（OneID）", "Identity resolution (OneID)"),
        ["cmd.identity.run"] = ("统一身份、生成统一档案与事实表", "Resolve identities, build the golden record and the fact tables"),
        ["cmd.identity.stats"] = ("身份统计：人数、标识分布、最大组件、冲突", "Identity statistics: persons, identifiers, largest components, conflicts"),
        ["cmd.profile"] = ("按任一标识查看一个人的完整档案", "Show one person from any of their identifiers"),
        ["opt.identifier"] = ("手机号、会员号、邮箱、OneID 等任一标识", "Any identifier: phone, member no., email, OneID..."),
        ["opt.incremental"] = ("只重新计算有变化的簇（结果与全量相同）", "Re-resolve only the clusters that changed (same result as a full run)"),
        ["identity.incremental"] = ("增量：重新计算了 {0:N0} / {1:N0} 个标识", "incremental: re-resolved {0:N0} of {1:N0} identifiers"),
        ["cmd.tags"] = ("打印标签树（维度 → 主题 → 标签）", "Print the tag tree (dimension → theme → tag)"),
        ["cmd.run"] = ("计算标签并保存快照", "Compute tags and store a snapshot"),
        ["opt.tags"] = ("只刷新这些标签（以及依赖它们的标签）", "Refresh only these tags (and the tags that use them)"),
        ["opt.asof"] = ("按这个时间点计算（默认：现在）", "Compute as of this time (default: now)"),
        ["step.tags"] = ("标签计算", "Tags"),
        ["tags.summary"] = ("{0} 个标签 · 平均覆盖率 {1:P1} · 快照 {2} · 截至 {3:yyyy-MM-dd}", "{0} tags · mean coverage {1:P1} · snapshot {2} · as of {3:yyyy-MM-dd}"),
        ["tags.tree"] = ("标签树", "Tag tree"),
        ["tags.violations"] = ("标签 {0}：{1:N0} 个值不符合声明的类型或取值范围，未保存", "tag {0}: {1:N0} values did not fit the declared type or value set and were not stored"),
        ["opt.out"] = ("输出目录（默认：工作区）", "Output folder (default: the workspace)"),
        ["cmd.dictionary"] = ("导出标签字典（Markdown 与 CSV）", "Export the tag dictionary (Markdown and CSV)"),
        ["dictionary.done"] = ("已导出 {0} 个标签：{1}、{2}", "Exported {0} tags: {1}, {2}"),
        ["cmd.tag"] = ("单个标签", "One tag"),
        ["cmd.tagshow"] = ("查看一个标签：口径、血缘（上下游）、取值分布", "Show one tag: definition, lineage (up- and downstream), value distribution"),
        ["opt.tagname"] = ("标签名或编码", "Tag name or code"),
        ["show.kind"] = ("类型", "Kind"),
        ["show.description"] = ("说明", "Description"),
        ["show.definition"] = ("口径", "Definition"),
        ["show.rule"] = ("规则", "Rule"),
        ["show.owner"] = ("负责人", "Owner"),
        ["show.upstream"] = ("上游", "Upstream"),
        ["show.sources"] = ("数据源", "Sources"),
        ["show.quantiles"] = ("分位数", "Quantiles"),
        ["show.downstream"] = ("下游标签", "Downstream tags"),
        ["show.distribution"] = ("最新快照中的取值分布（共 {0:N0} 人）", "Values in the latest snapshot ({0:N0} persons)"),
        ["cmd.plan"] = ("对比工作区标签文件与已发布目录，显示变化及对真实数据的影响", "Compare the tag files with the published catalog and show the impact on real data"),
        ["cmd.apply"] = ("发布标签文件（删除仍被引用的标签会被拒绝）", "Publish the tag files (removing a tag still in use is refused)"),
        ["plan.none"] = ("标签文件与已发布目录一致，无需变更", "The tag files match the published catalog; nothing to do"),
        ["plan.impact"] = ("{0:N0} 人的取值会变化", "{0:N0} persons would change value"),
        ["plan.dependents"] = ("仍被这些标签使用：{0}", "still used by: {0}"),
        ["plan.summary"] = ("新增 {0} · 修改 {1} · 删除 {2}", "{0} to add · {1} to change · {2} to remove"),
        ["plan.blocked"] = ("已拒绝：先修改引用被删除标签的标签", "refused: first change the tags that use the removed ones"),
        ["plan.applied"] = ("已发布", "published"),
        ["plan.next"] = ("确认后执行 tagcenter apply", "run tagcenter apply to publish"),
        ["tags.unpublished"] = ("尚未发布任何标签：先运行 tagcenter plan，再 tagcenter apply", "No tags are published yet: run tagcenter plan, then tagcenter apply"),
        ["opt.due"] = ("只计算按更新频率到期的标签", "Compute only the tags their refresh schedule says are due"),
        ["tags.nothingdue"] = ("没有到期的标签", "No tag is due"),
        ["step.identity"] = ("身份统一", "Identity"),
        ["identity.summary"] = ("{0:N0} 个标识 → {1:N0} 人（切断冲突 {2:N0} 处）", "{0:N0} identifiers → {1:N0} persons ({2:N0} conflicts cut)"),
        ["identity.detail"] = ("屏蔽值出现 {0:N0} 次 · 合并 {1:N0} · 拆分 {2:N0} · 最大的人有 {3} 个标识", "blocklisted occurrences {0:N0} · merges {1:N0} · splits {2:N0} · largest person {3} identifiers"),
        ["identity.fact"] = ("{0:N0} 行，匹配到人 {1:N0}，未匹配 {2:N0}（保留）", "{0:N0} rows, {1:N0} matched to a person, {2:N0} unmatched (kept)"),
        ["identity.never"] = ("尚未运行身份统一：tagcenter identity run", "No identity run yet: tagcenter identity run"),
        ["identity.persons"] = ("人数", "Persons"),
        ["identity.type"] = ("标识类型", "Identifier type"),
        ["identity.values"] = ("值数", "Values"),
        ["identity.sizes"] = ("每人标识数分布", "Identifiers per person"),
        ["identity.largest"] = ("最大的人（巨型组件是脏值混入的信号）", "Largest persons (a giant one means a junk value slipped through)"),
        ["identity.sample"] = ("标识", "Identifiers"),
        ["identity.conflicts"] = ("冲突（按超限类型）", "Conflicts (by limited type)"),
        ["identity.blocked"] = ("已屏蔽的值", "Blocklisted values"),
        ["profile.none"] = ("没有找到标识 {0}", "No person holds {0}"),
        ["profile.value"] = ("值", "Value"),
        ["profile.rows"] = ("来源行", "Source rows"),
        ["profile.golden"] = ("统一档案", "Golden record"),
        ["profile.field"] = ("字段", "Field"),
        ["profile.from"] = ("来自", "From"),
        ["profile.facts"] = ("事实", "Facts"),
        ["reason.required_missing"] = ("必填值缺失", "required value missing"),
        ["reason.phone_invalid"] = ("手机号无效", "phone invalid"),
        ["reason.email_invalid"] = ("邮箱无效", "email invalid"),
        ["reason.gender_unknown_code"] = ("无法识别的性别代码", "gender code not recognised"),
        ["reason.date_unparseable"] = ("日期无法解析", "date unparseable"),
        ["reason.int_invalid"] = ("不是整数", "not an integer"),
        ["reason.decimal_invalid"] = ("不是金额/数字", "not a number"),
        ["reason.bool_invalid"] = ("不是是/否", "not yes/no"),
        ["reason.city_invalid"] = ("城市无法识别", "city not recognised"),
        ["reason.value_not_allowed"] = ("不在取值范围内", "value not allowed"),
        ["reason.pattern_mismatch"] = ("格式不符", "pattern mismatch"),
        ["reason.out_of_range"] = ("超出范围（异常值）", "out of range (outlier)"),
        ["reason.rejected_value"] = ("命中排除规则（如测试账号）", "matches reject rule (e.g. test account)"),
        ["reason.duplicate"] = ("重复", "duplicate"),
        ["reason.malformed_row"] = ("行格式错误", "malformed row"),
        ["reason.json_invalid"] = ("JSON 无效", "invalid JSON"),
    };

    private Texts(bool chinese) => Chinese = chinese;

    public bool Chinese { get; }

    public static Texts For(string? lang)
    {
        lang ??= Environment.GetEnvironmentVariable("TAGCENTER_LANG");
        if (string.IsNullOrWhiteSpace(lang))
            lang = CultureInfo.CurrentUICulture.Name;
        return new Texts(lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The language from the command line, read before parsing so help text is translated too.</summary>
    public static Texts FromArgs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length)
                return For(args[i + 1]);
            if (args[i].StartsWith("--lang=", StringComparison.Ordinal))
                return For(args[i]["--lang=".Length..]);
        }
        return For(null);
    }

    public string this[string key] => All.TryGetValue(key, out var t) ? Chinese ? t.Zh : t.En : key;

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    public string Reason(string code) => All.ContainsKey("reason." + code) ? this["reason." + code] : code;

    public static IEnumerable<string> Keys => All.Keys;
}
