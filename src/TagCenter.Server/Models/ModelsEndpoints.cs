using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Models;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Models;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Models;

/// <summary><c>/api/v1/models</c>: the declared models with their version in use (<c>model list --json</c>), and one model in full (<c>model show --json</c>).</summary>
public static class ModelsEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).RequireScope(ApiScopes.Read).WithName("ListModels")
            .WithSummary("Each declared model, its version in use and its last attempt (tagcenter model list)");
        group.MapGet("/{name}", ShowAsync).RequireScope(ApiScopes.Read).WithName("GetModel")
            .WithSummary("A model's declaration, version in use with parameters and metrics, output distribution, every attempt (tagcenter model show)")
            .ProducesProblem(404);
    }

    private static ModelCatalog Catalog(WorkspaceHost host) => ModelCatalog.Load(host.Definition.Root, TagCatalog.Load(host.Definition.Root));

    private static async Task<Ok<List<object>>> ListAsync(WorkspaceHost host, CancellationToken cancellationToken)
    {
        var catalog = Catalog(host);
        var versions = await host.ReadAsync((db, _) => ModelHistory.Versions(db), cancellationToken);
        return TypedResults.Ok(catalog.Models.Select(m =>
        {
            var mine = versions.Where(v => v.Model == m.Name).ToList();
            var (inUse, last) = (mine.LastOrDefault(v => v.Status == "ok"), mine.LastOrDefault());
            return (object)new
            {
                model = m.Name,
                kind = m.Kind.ToString().ToLowerInvariant(),
                fact = m.Input?.Fact,
                outputs = m.Outputs,
                schedule = m.Schedule,
                owner = m.Owner,
                version_in_use = inUse?.Version,
                trained_at = inUse?.TrainedAt,
                as_of = inUse?.AsOf,
                persons = inUse?.Persons,
                last_status = last?.Status,
                last_message = last?.Message,
            };
        }).ToList());
    }

    private static async Task<Ok<object>> ShowAsync(string name, WorkspaceHost host, CancellationToken cancellationToken)
    {
        var model = Catalog(host).Find(name) ?? throw ApiException.NotFound("model_not_found", Texts.T("models.cli.unknown", name));
        var (versions, outputs) = await host.ReadAsync((db, _) =>
        {
            var versions = ModelHistory.Versions(db, model.Name);
            var inUse = versions.LastOrDefault(v => v.Status == "ok");
            return (versions, inUse is null ? [] : ModelHistory.Outputs(db, model.Name, inUse.Version));
        }, cancellationToken);
        var inUse = versions.LastOrDefault(v => v.Status == "ok");
        return TypedResults.Ok<object>(new
        {
            model = model.Name,
            kind = model.Kind.ToString().ToLowerInvariant(),
            file = model.File,
            input = model.Input is null ? null : new { fact = model.Input.Fact, time = model.Input.Time, amount = model.Input.Amount, category = model.Input.Category, where = model.Input.Where },
            outputs_to_tags = model.Outputs,
            schedule = model.Schedule,
            owner = model.Owner,
            version_in_use = inUse is null ? null : Version(inUse),
            distribution = outputs.Select(s => new
            {
                output = s.Output,
                tag = model.Outputs.GetValueOrDefault(s.Output),
                persons = s.Persons,
                counts = s.Counts.Count == 0 ? null : s.Counts.ToDictionary(c => c.Value, c => c.Persons),
                sum = s.Sum,
                mean = s.Mean,
                min = s.Min,
                max = s.Max,
            }),
            versions = versions.Select(Version),
        });
    }

    private static object Version(ModelVersion v) => new
    {
        version = v.Version,
        status = v.Status,
        message = v.Message,
        trained_at = v.TrainedAt,
        as_of = v.AsOf,
        persons = v.Persons,
        data_hash = v.DataHash,
        parameters = JsonDocument.Parse(v.Parameters).RootElement.Clone(),
        metrics = JsonDocument.Parse(v.Metrics).RootElement.Clone(),
    };
}
