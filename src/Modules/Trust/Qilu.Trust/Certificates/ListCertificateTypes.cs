using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>GET /api/trust/certificate-types (public): the certificate types and their metadata schemas.</summary>
internal static class ListCertificateTypes
{
    public sealed record Item(string Code, string Name, string NameEn, string DefiningAuthority, string HolderKind, string IssuerKind,
        int? ValidityYears, IReadOnlyList<SchemaField> Schema);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/certificate-types", HandleAsync).AllowAnonymous()
        .WithName("ListCertificateTypes").WithSummary("证照类型与元数据 / Certificate types").Produces<IReadOnlyList<Item>>();

    internal static async Task<IReadOnlyList<Item>> HandleAsync(TrustDbContext db, CancellationToken ct)
    {
        var types = await db.CertificateTypes.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        return [.. types.Select(t => new Item(t.Code, t.Name, t.NameEn, t.DefiningAuthority, t.HolderKind, t.IssuerKind, t.ValidityYears,
            JsonSerializer.Deserialize<List<SchemaField>>(t.SchemaJson, TrustJson.Options) ?? []))];
    }
}
