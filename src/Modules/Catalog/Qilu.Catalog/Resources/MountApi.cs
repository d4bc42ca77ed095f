using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Catalog.UseCases;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Resources;

/// <summary>
/// POST /api/catalog/entries/{entryId}/resources/api: mounts an upstream 接口 from its OpenAPI (3.x, JSON) document.
/// The base URL is the request's, or the document's first server; every operation needs an operationId.
/// </summary>
internal static class MountApi
{
    public sealed record Request(string? Name, string? BaseUrl, string? OpenApi);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/entries/{entryId:guid}/resources/api", EndpointAsync)
        .RequirePermission(CatalogPermissions.ResourcesManage)
        .WithName("MountCatalogApi").WithSummary("挂接接口 / Mount an API").Produces<ResourceView>(201).ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Guid entryId, Request request, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
        TimeProvider clock, CatalogAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), entryId, request, db, clock, audit, ctx.RequestAborted), r => $"/api/catalog/resources/{r.Id}");

    internal static async Task<Result<ResourceView>> HandleAsync(Actor actor, Guid entryId, Request request, CatalogDbContext db, TimeProvider clock,
        CatalogAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.ResourcesManage) is { } denied) return Outcomes.Denied<ResourceView>(denied);
        var entry = await EntryAccess.FindEditableAsync(db, actor, entryId, ct);
        if (entry is null) return Outcomes.NotFound<ResourceView>("目录", "Catalog entry");
        var v = new Validation();
        var parsed = OpenApiDocumentReader.Read(request.OpenApi, request.BaseUrl, v);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) name = parsed?.Title;
        if (string.IsNullOrEmpty(name) || name.Length > 200) v.Add("name", "resource.name_required", "资源名称必填（不超过200字）", "A resource name is required (at most 200 characters)");
        if (!v.IsValid || parsed is null) return v.Invalid<ResourceView>();
        var resource = new MountedResource
        {
            EntryId = entry.Id, ProviderUnitId = entry.ProviderUnitId, ProviderDivisionCode = entry.ProviderDivisionCode, Kind = ResourceKind.Api,
            Name = name!, BaseUrl = parsed.BaseUrl.ToString(), OpenApiTitle = parsed.Title, CreatedAt = clock.GetUtcNow(), CreatedBy = actor.SubjectId,
        };
        resource.SetOperations(parsed.Operations);
        db.Resources.Add(resource);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("catalog.resources.mounted", "catalog_resource", resource.Id.ToString(), actor,
            new { kind = "api", entry = entry.Code, resource.Name, resource.BaseUrl, operations = parsed.Operations.Count }, ct);
        return ResourceView.Of(resource, true);
    }
}

/// <summary>Reads the parts of an OpenAPI 3.x JSON document the gateway needs (System.Text.Json; no code is run).</summary>
internal static class OpenApiDocumentReader
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public sealed record Parsed(string? Title, Uri BaseUrl, IReadOnlyList<ApiOperationInfo> Operations);

    public static Parsed? Read(string? json, string? baseUrl, Validation v)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            v.Add("openApi", "openapi.required", "须提供 OpenAPI 文档（JSON）", "An OpenAPI document (JSON) is required");
            return null;
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            v.Add("openApi", "openapi.json", $"OpenAPI 文档不是有效的 JSON：{ex.Message}", $"The OpenAPI document is not valid JSON: {ex.Message}");
            return null;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("openapi", out var ver) || ver.ValueKind != JsonValueKind.String
                || !(ver.GetString() ?? "").StartsWith('3'))
            {
                v.Add("openApi", "openapi.version", "仅支持 OpenAPI 3.x 文档（缺少 openapi: \"3.x\"）", "Only OpenAPI 3.x documents are supported (missing openapi: \"3.x\")");
                return null;
            }
            var title = root.TryGetProperty("info", out var info) && info.TryGetProperty("title", out var t) ? t.GetString() : null;
            var server = baseUrl;
            if (string.IsNullOrWhiteSpace(server) && root.TryGetProperty("servers", out var servers) && servers.ValueKind == JsonValueKind.Array
                && servers.GetArrayLength() > 0 && servers[0].TryGetProperty("url", out var url))
                server = url.GetString();
            if (!Uri.TryCreate(server, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
                v.Add("baseUrl", "openapi.base_url", "须提供上游接口的绝对地址（http/https），或在文档 servers 中给出", "Give the upstream's absolute http(s) base URL, or a server in the document");
            var operations = new List<ApiOperationInfo>();
            if (!root.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
                v.Add("openApi", "openapi.paths", "OpenAPI 文档缺少 paths", "The OpenAPI document has no paths");
            else
            {
                foreach (var path in paths.EnumerateObject())
                {
                    if (path.Value.ValueKind != JsonValueKind.Object) continue;
                    foreach (var op in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
                    {
                        var id = op.Value.TryGetProperty("operationId", out var oid) ? oid.GetString() : null;
                        if (string.IsNullOrWhiteSpace(id))
                        {
                            v.Add("openApi", "openapi.operation_id", $"操作 {op.Name.ToUpperInvariant()} {path.Name} 缺少 operationId", $"{op.Name.ToUpperInvariant()} {path.Name} has no operationId");
                            continue;
                        }
                        operations.Add(new ApiOperationInfo(id, op.Name.ToUpperInvariant(), path.Name, ResponseFields(root, op.Value)));
                    }
                }
                if (operations.Count == 0 && v.IsValid) v.Add("openApi", "openapi.no_operations", "OpenAPI 文档中没有任何操作", "The OpenAPI document defines no operations");
                foreach (var dup in operations.GroupBy(o => o.OperationId).Where(g => g.Count() > 1))
                    v.Add("openApi", "openapi.operation_id_duplicate", $"operationId “{dup.Key}”重复", $"operationId '{dup.Key}' is used twice");
            }
            return v.IsValid ? new Parsed(title, baseUri!, operations) : null;
        }
    }

    /// <summary>Top-level properties of the 200 (or first 2xx) JSON response schema, following one local $ref.</summary>
    private static List<string> ResponseFields(JsonElement root, JsonElement operation)
    {
        if (!operation.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Object) return [];
        var ok = responses.EnumerateObject().FirstOrDefault(r => r.Name.StartsWith('2'));
        if (ok.Value.ValueKind != JsonValueKind.Object || !ok.Value.TryGetProperty("content", out var content)) return [];
        var media = content.EnumerateObject().FirstOrDefault(m => m.Name.Contains("json", StringComparison.OrdinalIgnoreCase));
        if (media.Value.ValueKind != JsonValueKind.Object || !media.Value.TryGetProperty("schema", out var schema)) return [];
        schema = Resolve(root, schema);
        if (schema.TryGetProperty("type", out var type) && type.GetString() == "array" && schema.TryGetProperty("items", out var items)) schema = Resolve(root, items);
        return schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object ? [.. props.EnumerateObject().Select(p => p.Name)] : [];
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("$ref", out var r) || r.GetString() is not { } reference || !reference.StartsWith("#/", StringComparison.Ordinal))
            return schema;
        var node = root;
        foreach (var part in reference[2..].Split('/'))
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out node)) return schema;
        return node;
    }
}
