using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;

namespace Qilu.OpenData.Ckan;

/// <summary><c>resource_show</c>: one resource of a published dataset by its id.</summary>
internal static class ResourceShow
{
    public static async Task<object> RunAsync(CkanCall call)
    {
        call.Params.RejectUnknown("id", "include_tracking");
        var id = call.Params.Required("id");
        if (!Guid.TryParse(id, out var guid)) throw CkanError.NotFound("Resource was not found.");
        var db = call.Service<OpenDataDbContext>();
        var json = await db.Resources.AsNoTracking().Where(r => r.Id == guid)
            .Join(db.Datasets.Where(d => d.State == DatasetState.Published), r => r.DatasetId, d => d.Id, (r, d) => d.PackageJson)
            .FirstOrDefaultAsync(call.Aborted) ?? throw CkanError.NotFound("Resource was not found.");
        var package = JsonNode.Parse(call.Absolute(json))!;
        var resource = package["resources"]!.AsArray().First(r => r!["id"]!.GetValue<string>() == guid.ToString())!;
        return resource.DeepClone();
    }
}
