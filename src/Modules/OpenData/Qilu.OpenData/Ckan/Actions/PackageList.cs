using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;

namespace Qilu.OpenData.Ckan;

/// <summary><c>package_list</c>: names of the published datasets, by name, with <c>limit</c>/<c>offset</c>.</summary>
internal static class PackageList
{
    public static async Task<object> RunAsync(CkanCall call)
    {
        call.Params.RejectUnknown("limit", "offset");
        var limit = call.Params.Int("limit", int.MaxValue, 0, int.MaxValue);
        var offset = call.Params.Int("offset", 0, 0, int.MaxValue);
        var db = call.Service<OpenDataDbContext>();
        var names = await db.Datasets.AsNoTracking().Where(d => d.State == DatasetState.Published).OrderBy(d => d.Name)
            .Skip(offset).Take(limit).Select(d => d.Name).ToListAsync(call.Aborted);
        return new JsonArray([.. names.Select(n => (JsonNode)n)]);
    }
}
