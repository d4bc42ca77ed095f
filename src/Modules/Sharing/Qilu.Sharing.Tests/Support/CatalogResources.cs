using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;

namespace Qilu.Sharing.Tests.Support;

/// <summary>
/// Resources the gateway serves, made the way a provider unit makes them: mounted on a published catalog entry and
/// filled by CSV imports through the Catalog module's own API, so the gateway reads Catalog's real platform-managed
/// tables (personal fields encrypted, found by blind index) and its real change feed. The acting data officer is the
/// entry's owner (历下区民政局's <c>lx.official</c> unless a test says otherwise).
/// </summary>
public sealed class CatalogResources(SharingHost host)
{
    /// <summary>Mounts a table on <paramref name="entryId"/> holding every information item; returns the resource id.</summary>
    public async Task<Guid> MountTableAsync(Guid entryId, string name, string keyField, string? divisionField, string owner = "lx.official")
    {
        var officer = await host.ApiAsync(owner);
        var mounted = await Scenario.Ok(await officer.PostAsJsonAsync($"/api/catalog/entries/{entryId}/resources/table",
            new { name, keyField, divisionField }), HttpStatusCode.Created);
        return mounted.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Imports <paramref name="rows"/> (one CSV, the header taken from the first row; incremental by key) and returns
    /// the resource's change sequence afterwards, i.e. the sequence of the last row imported.
    /// </summary>
    public async Task<long> ImportAsync(Guid resourceId, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, string owner = "lx.official")
    {
        var header = rows[0].Keys.ToList();
        var csv = new StringBuilder().AppendJoin(',', header).Append('\n');
        foreach (var row in rows) csv.AppendJoin(',', header.Select(h => row.GetValueOrDefault(h) ?? "")).Append('\n');
        var officer = await host.ApiAsync(owner);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        using var response = await officer.PostAsync(new Uri($"/api/catalog/resources/{resourceId}/imports?format=csv", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new Xunit.Sdk.XunitException($"Import answered {(int)response.StatusCode}: {text}");
        if (JsonDocument.Parse(text).RootElement.GetProperty("rejected").GetInt32() != 0) throw new Xunit.Sdk.XunitException($"Rows rejected: {text}");
        return await host.RunAsync(async sp => (await sp.GetRequiredService<IResourceRows>().FindResourceAsync(resourceId))!.ChangeSequence);
    }

    /// <summary>Imports one row; returns its change sequence.</summary>
    public Task<long> UpsertAsync(Guid resourceId, IReadOnlyDictionary<string, string?> values, string owner = "lx.official") =>
        ImportAsync(resourceId, [values], owner);

    /// <summary>
    /// Mounts an upstream API from an OpenAPI 3 document written here: each operation answers a JSON object with
    /// <c>Fields</c> as its properties (what the gateway may project).
    /// </summary>
    public async Task<Guid> MountApiAsync(Guid entryId, Uri baseUrl, IReadOnlyList<(string OperationId, string Method, string Path, string[] Fields)> operations,
        string owner = "lx.official")
    {
        var paths = new Dictionary<string, Dictionary<string, object>>(StringComparer.Ordinal);
        foreach (var (operationId, method, path, fields) in operations)
        {
            var schema = new { type = "object", properties = fields.ToDictionary(f => f, _ => new { type = "string" }, StringComparer.Ordinal) };
            var parameters = System.Text.RegularExpressions.Regex.Matches(path, "\\{([^}]+)\\}")
                .Select(m => new { name = m.Groups[1].Value, @in = "path", required = true, schema = new { type = "string" } }).ToArray();
            if (!paths.TryGetValue(path, out var item)) paths[path] = item = new Dictionary<string, object>(StringComparer.Ordinal);
            item[method.ToLowerInvariant()] = new
            {
                operationId, parameters,
                responses = new Dictionary<string, object> { ["200"] = new { description = "OK", content = new Dictionary<string, object> { ["application/json"] = new { schema } } } },
            };
        }
        var openApi = JsonSerializer.Serialize(new { openapi = "3.0.3", info = new { title = "上游接口", version = "1" }, paths });
        var officer = await host.ApiAsync(owner);
        var mounted = await Scenario.Ok(await officer.PostAsJsonAsync($"/api/catalog/entries/{entryId}/resources/api",
            new { name = "上游接口", baseUrl = baseUrl.ToString(), openApi }), HttpStatusCode.Created);
        return mounted.GetProperty("id").GetGuid();
    }
}
