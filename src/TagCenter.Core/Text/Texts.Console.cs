namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for the web console (<c>console.</c>): navigation, sign-in, pages, states.</summary>
    private static (string Key, string Zh, string En)[] WebConsole =>
    [
        ("console.title", "统一标签中心", "TagCenter"),
        ("console.nav.toggle", "展开或收起导航", "Show or hide navigation"),
        ("console.nav.label", "主导航", "Main navigation"),
        ("console.nav.home", "首页", "Home"),
        ("console.nav.tags", "标签", "Tags"),
        ("console.nav.segments", "人群", "Segments"),
        ("console.nav.builder", "圈人", "Segment builder"),
        ("console.nav.analysis", "分析", "Analysis"),
        ("console.nav.profiles", "用户画像", "Profiles"),
        ("console.nav.models", "模型", "Models"),
        ("console.nav.activation", "触达", "Activation"),
        ("console.nav.governance", "治理", "Governance"),
        ("console.lang.label", "界面语言", "Language"),
        ("console.signout", "退出", "Sign out"),
        ("console.signin.title", "登录 · 统一标签中心", "Sign in · TagCenter"),
        ("console.signin.help", "粘贴你的 API 密钥（tc_…，由管理员用 tagcenter keys create 创建）。密钥保存在加密的 Cookie 中，控制台用它调用 API。", "Paste your API key (tc_…, made by an administrator with tagcenter keys create). It is kept in an encrypted cookie and the console calls the API with it."),
        ("console.signin.key", "API 密钥", "API key"),
        ("console.signin.submit", "登录", "Sign in"),
        ("console.signin.error.missing", "请输入 API 密钥。", "Enter an API key."),
        ("console.signin.error.invalid", "密钥无效或已吊销。", "The key is unknown or revoked."),
        ("console.signin.error.scope", "这个密钥没有读取权限（read），不能使用控制台。", "This key cannot read (no read scope), so it cannot use the console."),
        ("console.signin.error.expired", "表单已过期，请重试。", "The form expired; try again."),
        ("console.signin.error.api", "无法连接 API，请稍后重试。", "The API could not be reached; try again later."),
        ("console.error.status", "API 返回了错误（HTTP {0}）", "The API answered with an error (HTTP {0})"),
        ("console.error.page", "页面出错：{0}", "This page failed: {0}"),
        ("console.loading", "加载中…", "Loading…"),
        ("console.retry", "重试", "Retry"),
    ];
}
