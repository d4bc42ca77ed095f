using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.OpenData.Access;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;

namespace Qilu.OpenData.Rows;

/// <summary>A resource as the public may read it: the dataset it belongs to and the visible fields.</summary>
internal sealed record OpenResource(Dataset Dataset, DatasetResource Resource, IReadOnlyList<DatasetField> Fields)
{
    public DatasetField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>The resource as <paramref name="grant"/> may read it: an application's key opens only the fields applied for.</summary>
    public OpenResource For(AccessGrant grant) =>
        grant.Fields is not { Count: > 0 } only ? this : this with { Fields = [.. Fields.Where(f => only.Contains(f.Name))] };
}

/// <summary>Why rows were released (or not): for the audit and the usage counters. <paramref name="Fields"/> limits
/// the fields an application opens (null or empty: all published fields).</summary>
internal sealed record AccessGrant(bool Allowed, Guid? ApplicationId, string Reason, IReadOnlyCollection<string>? Fields = null);

/// <summary>
/// Who may read the rows of a dataset: anyone for 无条件开放; for 有条件开放 only the holder of an approved, unexpired
/// application (its API key in <c>X-CKAN-API-Key</c> or a non-Bearer <c>Authorization</c> header, as CKAN clients
/// send it, or the applicant signed in on the portal), and the providing unit's own officers.
/// </summary>
internal sealed class RowAccess(OpenDataDbContext db, ActorAccessor actors, TimeProvider clock)
{
    public async Task<OpenResource?> FindAsync(Guid resourceId, CancellationToken ct)
    {
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId, ct);
        if (resource is null) return null;
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == resource.DatasetId && d.State == DatasetState.Published, ct);
        return dataset is null ? null : new OpenResource(dataset, resource, [.. dataset.Fields.Where(f => f.Visible)]);
    }

    public async Task<AccessGrant> CheckAsync(Dataset dataset, HttpContext ctx, CancellationToken ct)
    {
        if (dataset.OpenType == OpenType.Unconditional) return new AccessGrant(true, null, "unconditional");
        var now = clock.GetUtcNow();
        if (KeyOf(ctx.Request) is { } key)
        {
            var hash = ApiKeys.Hash(key);
            var app = await db.Applications.AsNoTracking()
                .Where(a => a.KeyHash == hash && a.DatasetId == dataset.Id && a.Status == ApplicationStatus.Approved)
                .Select(a => new { a.Id, a.ValidUntil, a.FieldsText }).FirstOrDefaultAsync(ct);
            if (app is not null && (app.ValidUntil is null || app.ValidUntil > now)) return new AccessGrant(true, app.Id, "api_key", Split(app.FieldsText));
            return new AccessGrant(false, null, "key_invalid");
        }
        var actor = actors.FromContext(ctx);
        return await CheckActorAsync(dataset, actor, ct);
    }

    public async Task<AccessGrant> CheckActorAsync(Dataset dataset, Actor actor, CancellationToken ct)
    {
        if (dataset.OpenType == OpenType.Unconditional) return new AccessGrant(true, null, "unconditional");
        if (!actor.IsAuthenticated) return new AccessGrant(false, null, "anonymous");
        if (actor.DepartmentId == dataset.PublisherUnitId) return new AccessGrant(true, null, "provider");
        var now = clock.GetUtcNow();
        var app = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantId == actor.SubjectId && a.DatasetId == dataset.Id && a.Status == ApplicationStatus.Approved)
            .Select(a => new { a.Id, a.ValidUntil, a.FieldsText }).FirstOrDefaultAsync(ct);
        return app is not null && (app.ValidUntil is null || app.ValidUntil > now)
            ? new AccessGrant(true, app.Id, "applicant", Split(app.FieldsText)) : new AccessGrant(false, null, "no_approval");
    }

    private static HashSet<string>? Split(string fields) => fields.Length == 0 ? null : fields.Split('|').ToHashSet(StringComparer.Ordinal);

    /// <summary>Counts one use: an API call or a download, on the dataset and on the approved application.</summary>
    public async Task CountAsync(Guid datasetId, AccessGrant grant, bool download, CancellationToken ct)
    {
        if (download) await db.Datasets.Where(d => d.Id == datasetId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Downloads, d => d.Downloads + 1), ct);
        else await db.Datasets.Where(d => d.Id == datasetId).ExecuteUpdateAsync(s => s.SetProperty(d => d.ApiCalls, d => d.ApiCalls + 1), ct);
        if (grant.ApplicationId is { } id)
            await db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Calls, a => a.Calls + 1), ct);
    }

    private static string? KeyOf(HttpRequest request)
    {
        if (request.Headers["X-CKAN-API-Key"].ToString() is { Length: > 0 } ckan) return ckan.Trim();
        var auth = request.Headers.Authorization.ToString();
        return auth.Length > 0 && !auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth.Trim() : null;
    }
}

/// <summary>API keys of approved applications: random, shown once, stored as SM3 hashes.</summary>
internal static class ApiKeys
{
    public const string Prefix = "qod_";

    public static string New() => Prefix + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Qilu.Platform.Cryptography.Sm3.HashHex(key);
}
