using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;

namespace Qilu.OpenData.Ckan;

/// <summary><c>package_show</c>: one dataset by id or name.</summary>
internal static class PackageShow
{
    public static async Task<object> RunAsync(CkanCall call)
    {
        call.Params.RejectUnknown("id", "name_or_id", "use_default_schema", "include_tracking", "include_plugin_data");
        var id = call.Params.String("id") ?? call.Params.String("name_or_id");
        if (string.IsNullOrEmpty(id)) throw CkanError.Validation("id", "Missing value");
        var json = await FindPackageJsonAsync(call.Service<OpenDataDbContext>(), id, call.Aborted)
            ?? throw CkanError.NotFound("Dataset not found");
        return JsonNode.Parse(call.Absolute(json))!;
    }

    internal static async Task<string?> FindPackageJsonAsync(OpenDataDbContext db, string idOrName, CancellationToken ct)
    {
        var published = db.Datasets.AsNoTracking().Where(d => d.State == DatasetState.Published);
        return Guid.TryParse(idOrName, out var guid)
            ? await published.Where(d => d.Id == guid).Select(d => d.PackageJson).FirstOrDefaultAsync(ct)
            : await published.Where(d => d.Name == idOrName).Select(d => d.PackageJson).FirstOrDefaultAsync(ct);
    }
}
