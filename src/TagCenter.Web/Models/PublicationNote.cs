using TagCenter.Client;
using TagCenter.Core.Text;

namespace TagCenter.Web.Models;

/// <summary>The line a model page shows when the model's files and what is published differ (null when they agree).</summary>
public static class PublicationNote
{
    public static string? Of(ModelPublication? publication, Language language)
    {
        if (publication is null or { Status: "published" })
            return null;
        var status = Texts.Format("models.status." + publication.Status, language);
        var what = publication.Pending.Count == 0 ? "" : (language == Language.Zh ? "（" : " (") + string.Join(language == Language.Zh ? "、" : ", ", publication.Pending)
            + (language == Language.Zh ? "）" : ")");
        return Texts.Format("console.models.publication", language, status + what);
    }
}
