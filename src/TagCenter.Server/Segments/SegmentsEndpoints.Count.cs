using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TagCenter.Core.Text;
using TagCenter.Server.Access;

namespace TagCenter.Server.Segments;

internal static partial class SegmentsEndpoints
{
    private static async Task<Ok<CountView>> CountAsync(CountBody body, HttpContext context, SegmentAccess access, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Rule))
            throw SegmentAccess.Field("rule", Texts.T("api.field.required"));
        return TypedResults.Ok(await SegmentCounting.CountAsync(access, Caller.Of(context), body.Rule, cancellationToken));
    }
}
