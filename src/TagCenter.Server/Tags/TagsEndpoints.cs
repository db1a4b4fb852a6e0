using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace TagCenter.Server.Tags;

/// <summary>
/// <c>/api/v1/tags</c>: the tag tree and the dictionary (with an ETag: clients poll them), one tag with its lineage,
/// distribution and coverage, and why a person holds a tag's value. Only the tags the caller may see.
/// </summary>
public static class TagsEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", TreeAsync).RequireScope(ApiScopes.Read).WithName("TagTree")
            .WithSummary("The tag tree 维度 → 主题 → 标签 (tagcenter tags); ETag, 304 on If-None-Match").Produces<List<TagDimension>>();
        group.MapGet("/dictionary", DictionaryAsync).RequireScope(ApiScopes.Read).WithName("TagDictionary")
            .WithSummary("The tag dictionary 标签字典 as JSON, or ?format=csv (tagcenter tags dictionary); ETag, 304 on If-None-Match")
            .Produces<List<TagView>>().Produces<string>(200, "text/csv").ProducesProblem(400);
        group.MapGet("/{name}", ShowAsync).RequireScope(ApiScopes.Read).WithName("GetTag")
            .WithSummary("One tag: definition, 口径, owner, lineage graph, value distribution, coverage over runs (tagcenter tag show)").ProducesProblem(404);
        group.MapGet("/{name}/explain/{person}", ExplainAsync).RequireScope(ApiScopes.Read).WithName("ExplainTag")
            .WithSummary("A person's value of a tag and what it came from (tagcenter tag explain)").ProducesProblem(404);
    }

    /// <summary>The tags of the files under tags/ the caller may see (as <c>tagcenter tags</c> lists them).</summary>
    private static TagCatalog Visible(HttpContext http, WorkspaceHost host, IDataPolicy policy) =>
        policy.VisibleTags(TagCatalog.Load(host.Definition.Root), Caller.Of(http));

    private static Task<IResult> TreeAsync(HttpContext http, WorkspaceHost host, IDataPolicy policy, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        WithETagAsync(http, host, json, TagDimension.Tree(Visible(http, host, policy).Tags), cancellationToken);

    private static async Task<IResult> DictionaryAsync(HttpContext http, WorkspaceHost host, IDataPolicy policy, IOptions<JsonOptions> json,
        CancellationToken cancellationToken, string? format = null)
    {
        var catalog = Visible(http, host, policy);
        return format switch
        {
            null or "json" => await WithETagAsync(http, host, json, catalog.Tags.Select(TagView.Of).ToList(), cancellationToken),
            // BOM: Excel then reads the Chinese right.
            "csv" => await WithETagAsync(http, host, "\uFEFF" + TagDictionaryExport.Csv(catalog), "text/csv; charset=utf-8", cancellationToken),
            _ => throw ApiException.BadRequest("invalid_format", Texts.T("res.format", format)),
        };
    }

    private static async Task<Ok<TagDetail>> ShowAsync(string name, HttpContext http, WorkspaceHost host, IDataPolicy policy, Governance.UsageCounter usage,
        CancellationToken cancellationToken)
    {
        var files = TagCatalog.Load(host.Definition.Root);
        var caller = Caller.Of(http);
        return TypedResults.Ok(await host.ReadAsync((db, _) =>
        {
            var published = PublishedCatalog.Load(db);
            var tag = policy.VisibleTags(files, caller).Find(name) ?? (published is null ? null : policy.VisibleTags(published, caller).Find(name))
                ?? throw ApiException.NotFound("tag_not_found", Texts.T("tag.unknown", name));
            var detail = TagDetail.Of(db, host.Definition, files, tag);
            usage.TagRead(caller, tag.Name);
            return policy.MayList(tag.Name, caller) ? detail
                : detail with { Distribution = [.. detail.Distribution.Select(d => d with { Value = policy.Mask(tag.Name, d.Value, caller) })] };
        }, cancellationToken));
    }

    private static async Task<Ok<object>> ExplainAsync(string name, string person, HttpContext http, WorkspaceHost host, IDataPolicy policy,
        Governance.UsageCounter usage, CancellationToken cancellationToken, string? as_of = null, int rows = 10)
    {
        var caller = Caller.Of(http);
        DateTime? at = null;
        if (as_of is not null)
        {
            var parsed = AsOf.Parse(as_of, host.Definition.TimeZone);
            at = parsed.Error is null ? parsed.Local : throw ApiException.BadRequest("invalid_as_of", Texts.T("res.run.asof", as_of, parsed.Error));
        }
        return TypedResults.Ok(await host.ReadAsync<object>((db, _) =>
        {
            var catalog = PublishedCatalog.Load(db) ?? TagCatalog.Load(host.Definition.Root);
            var tag = policy.VisibleTags(catalog, caller).Find(name) ?? throw ApiException.NotFound("tag_not_found", Texts.T("tag.unknown", name));
            if (!db.TableExists("identity_map"))
                throw ApiException.NotFound("person_not_found", Texts.T("profile.noidentity"));
            var profile = PersonProfile.Find(db, host.Definition, person) ?? throw ApiException.NotFound("person_not_found", Texts.T("profile.none", PiiText.Shown(person, caller)));
            var e = TagExplanation.Of(db, catalog, tag, profile.OneId, at, Math.Clamp(rows, 0, 1000));
            usage.TagRead(caller, tag.Name);
            return new
            {
                tag = e.Tag.Name,
                code = e.Tag.Code,
                oneid = e.OneId,
                as_of = e.AsOf,
                run = e.Run?.RunId,
                stored = policy.Mask(e.Tag.Name, e.Stored, caller),
                computed = policy.Mask(e.Tag.Name, e.Computed, caller),
                rule = e.Tag.Rule,
                upstream_tags = e.UpstreamTags.Select(u => new { tag = u.Tag, code = u.Code, value = policy.Mask(u.Tag, u.Value, caller) }),
                fields = e.Fields.Select(f => new { field = f.Field, value = policy.Mask(f.Field, f.Value, caller) }),
                aggregates = e.Aggregates.Select(a => new
                {
                    expression = a.Expression,
                    fact = a.Fact,
                    value = a.Value,
                    rows = a.Rows,
                    shown = a.Shown.Select(r => new { source = r.Source, line = r.Line, at = r.At, columns = r.Columns.ToDictionary(c => c.Column, c => policy.Mask(c.Column, c.Value, caller)) }),
                }),
            };
        }, cancellationToken));
    }

    private static async Task<IResult> WithETagAsync<T>(HttpContext http, WorkspaceHost host, IOptions<JsonOptions> json, T body, CancellationToken cancellationToken) =>
        await WithETagAsync(http, host, JsonSerializer.Serialize(body, json.Value.SerializerOptions), "application/json; charset=utf-8", cancellationToken);

    /// <summary>
    /// The ETag is a hash of what is returned (the catalog the caller sees) and of the last tag run, so a new run or
    /// an apply changes it; a client holding the current one gets 304 and no body.
    /// </summary>
    private static async Task<IResult> WithETagAsync(HttpContext http, WorkspaceHost host, string body, string contentType, CancellationToken cancellationToken)
    {
        var lastRun = await host.ReadAsync((db, _) => db.TableExists("tag_runs")
            ? db.Rows("SELECT run_id FROM tag_runs ORDER BY finished_at DESC NULLS LAST LIMIT 1").Select(r => r[0] as string).FirstOrDefault()
            : null, cancellationToken);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(body + "\n" + lastRun));
        var etag = "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "\"";
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == etag || v == "*" || v.Split(',').Select(x => x.Trim()).Contains(etag))))
            return TypedResults.StatusCode(304);
        return TypedResults.Text(body, contentType, Encoding.UTF8);
    }
}
