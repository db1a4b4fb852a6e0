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
            .WithSummary("Each declared model, its publication (published, changed, new, removed), version in use and last attempt (tagcenter model list)");
        group.MapGet("/{name}", ShowAsync).RequireScope(ApiScopes.Read).WithName("GetModel")
            .WithSummary("A model's declaration, version in use with parameters and metrics, output distribution, every attempt (tagcenter model show)")
            .ProducesProblem(404);
    }

    private static ModelCatalog Catalog(WorkspaceHost host) => ModelCatalog.Load(host.Definition.Root, TagCatalog.Load(host.Definition.Root));

    private static async Task<Ok<List<object>>> ListAsync(WorkspaceHost host, CancellationToken cancellationToken)
    {
        var catalog = Catalog(host);
        var (versions, models) = await host.ReadAsync((db, _) => (ModelHistory.Versions(db), ModelPublication.All(db, catalog.Models)), cancellationToken);
        return TypedResults.Ok(models.Select(m => ModelJson.Row(m.Model, versions, m.Publication)).ToList());
    }

    private static async Task<Ok<object>> ShowAsync(string name, WorkspaceHost host, CancellationToken cancellationToken)
    {
        var files = Catalog(host).Models;
        // A model in the files, or one deleted from them but still published (runs still train it until apply).
        var (model, versions, outputs, publication) = await host.ReadAsync((db, _) =>
        {
            var (model, publication) = ModelPublication.Find(db, files, name)
                ?? throw ApiException.NotFound("model_not_found", Texts.T("models.cli.unknown", name));
            var versions = ModelHistory.Versions(db, model.Name);
            var inUse = versions.LastOrDefault(v => v.Status == "ok");
            return (model, versions, inUse is null ? [] : ModelHistory.Outputs(db, model.Name, inUse.Version), publication);
        }, cancellationToken);
        return TypedResults.Ok(ModelJson.Show(model, versions, outputs, publication));
    }
}
