using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Sharing.Data;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Grassroots;

/// <summary>
/// What the 本辖区数据 page (<c>/workbench/sharing/my-area</c>) reads, through the same use case and gateway path as the
/// 数据直达基层 API: the grants listed by <see cref="ReadMyAreaRows.ListAsync"/> with the tables of their entries, and rows
/// through <see cref="ReadMyAreaRows.RowsAsync"/> — so every page read is checked, charged to the grant's quota,
/// audited and metered like an API call, and nothing the gateway did not release reaches the page.
/// </summary>
internal static class MyAreaReads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A grant usable for the official's area, with the tables of its entry that rows can be read from.</summary>
    internal sealed record Dataset(GrantView Grant, IReadOnlyList<MountedResourceInfo> Tables);

    /// <summary>One gateway read as the page sees it: the page of rows, or the gateway's refusal (its field names the filter).</summary>
    internal sealed record Read(int Status, QueryRows.Response? Page, Error? Refusal, string? CallId);

    public static async Task<Result<IReadOnlyList<Dataset>>> DatasetsAsync(Actor actor, IServiceProvider sp, CancellationToken ct)
    {
        var grants = await ReadMyAreaRows.ListAsync(actor, sp.GetRequiredService<SharingDbContext>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<QuotaLedger>(), ct);
        if (!grants.IsSuccess) return Result<IReadOnlyList<Dataset>>.Failure(grants.Errors, grants.Kind);
        var rows = sp.GetService<IResourceRows>();
        var list = new List<Dataset>();
        foreach (var g in grants.Value)
        {
            // Only tables whose rows carry a division can be narrowed to the official's area; the gateway answers an
            // empty page for the others, which would look like an area without data.
            var tables = rows is null ? [] : (await rows.ListResourcesAsync(g.EntryId, ct))
                .Where(r => r.Kind == ResourceKind.Table && r.DivisionField is not null).ToList();
            list.Add(new Dataset(g, tables));
        }
        return list;
    }

    /// <summary>
    /// Reads one page as <paramref name="actor"/>. A circuit has no HTTP request, so one is built for the endpoint:
    /// the API's path and query (they go into the request hash the audit entry records) and a principal carrying the
    /// claims the actor was built from — the pipeline derives the actor and its permissions from them again, exactly as
    /// for a cookie or bearer request, rather than trusting the page's copy.
    /// </summary>
    public static async Task<Read> RowsAsync(Actor actor, Guid grantId, Guid resourceId, IEnumerable<KeyValuePair<string, string?>> query,
        IServiceProvider sp, CancellationToken ct)
    {
        var ctx = new DefaultHttpContext { RequestServices = sp, User = PrincipalOf(actor), RequestAborted = ct };
        ctx.Request.Method = HttpMethods.Get;
        ctx.Request.Path = $"/api/sharing/grassroots/{grantId}/resources/{resourceId}/rows";
        ctx.Request.QueryString = QueryString.Create(query);
        using var body = new MemoryStream();
        ctx.Response.Body = body;
        var result = await ReadMyAreaRows.RowsAsync(grantId, resourceId, ctx, sp.GetRequiredService<GatewayPipeline>(), sp,
            sp.GetRequiredService<IOptions<SharingOptions>>(), sp.GetRequiredService<ActorAccessor>());
        await result.ExecuteAsync(ctx);
        var status = ctx.Response.StatusCode;
        var callId = ctx.Response.Headers[Contracts.GatewayProtocol.CallIdHeader].ToString();
        body.Position = 0;
        if (status == StatusCodes.Status200OK)
            return new Read(status, await JsonSerializer.DeserializeAsync<QueryRows.Response>(body, Json, ct), null, callId);
        using var problem = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        var e = problem.RootElement.GetProperty("errors")[0];
        return new Read(status, null, new Error(e.GetProperty("code").GetString() ?? "", e.GetProperty("message").GetString() ?? "",
            e.GetProperty("messageEn").GetString() ?? "", e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null), callId);
    }

    private static ClaimsPrincipal PrincipalOf(Actor actor)
    {
        var claims = new List<Claim>
        {
            // Only officials may read their area (the pipeline refuses every other kind), so no other kind needs a claim value.
            new(QiluClaims.ActorKind, actor.Kind == ActorKind.Official ? "official" : "anonymous"),
            new(QiluClaims.Subject, actor.SubjectId), new(QiluClaims.Name, actor.DisplayName),
            new(QiluClaims.Acr, QiluClaims.AcrValue(actor.RealNameLevel)),
        };
        if (actor.DivisionCode is { } division) claims.Add(new(QiluClaims.Division, division));
        if (actor.DepartmentId is { } unit) claims.Add(new(QiluClaims.Unit, unit.ToString()));
        claims.AddRange(actor.Roles.Select(r => new Claim(QiluClaims.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "qilu.circuit"));
    }

    /// <summary>
    /// A CSV of rows exactly as the gateway returned them: masked values stay masked, a withheld value (null) is an empty
    /// cell. UTF-8 with a byte-order mark, which spreadsheet programs need to read Chinese text.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<string> fields, IEnumerable<QueryRows.Row> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', fields.Prepend("行政区划代码").Select(Cell)).Append("\r\n");
        foreach (var row in rows)
            sb.AppendJoin(',', fields.Select(f => row.Values.GetValueOrDefault(f)).Prepend(row.DivisionCode).Select(Cell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];

        // Opened in a spreadsheet: a value that would run as a formula is neutralised (the only change to what the gateway returned).
        static string Cell(string? v) => Qilu.SharedKernel.Text.Csv.Cell(v);
    }

    /// <summary>The query of one page: paging, the total, and one equality filter per non-empty value.</summary>
    public static List<KeyValuePair<string, string?>> Query(int limit, long offset, IReadOnlyDictionary<string, string?> filters) =>
    [
        new("limit", limit.ToString(CultureInfo.InvariantCulture)), new("offset", offset.ToString(CultureInfo.InvariantCulture)), new("total", "true"),
        .. filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new KeyValuePair<string, string?>("filter." + f.Key, f.Value!.Trim())),
    ];
}
