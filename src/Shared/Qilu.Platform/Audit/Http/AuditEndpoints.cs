using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Paging;
using Qilu.SharedKernel.Results;

namespace Qilu.Platform.Audit.Http;

/// <summary>
/// HTTP API of the audit log under <c>/api/audit</c>. Every endpoint requires <c>audit.log.read</c>, and every read
/// is itself audited (<c>audit.log.read</c>), so reading the log leaves a trace in the log.
/// </summary>
public static class AuditEndpoints
{
    /// <summary>Permission required by every audit endpoint.</summary>
    public const string ReadPermission = "audit.log.read";

    public static void Map(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var g = routes.MapGroup("/api/audit").WithTags("Audit");
        g.MapGet("/entries", QueryEntries).RequirePermission(ReadPermission);
        g.MapGet("/entries/{seq}", GetEntry).RequirePermission(ReadPermission);
        g.MapGet("/checkpoint", GetCheckpoint).RequirePermission(ReadPermission);
        g.MapGet("/proof/inclusion", GetInclusion).RequirePermission(ReadPermission);
        g.MapGet("/proof/consistency", GetConsistency).RequirePermission(ReadPermission);
    }

    private static async Task<IResult> QueryEntries(HttpContext http, IAuditLog log, string? action, string? actor,
        string? from, string? to, string? page, string? size, CancellationToken ct)
    {
        var v = new Validation();
        var fromAt = ParseTime(v, "from", from);
        var toAt = ParseTime(v, "to", to);
        var pageNo = ParseLong(v, "page", page, 1, int.MaxValue) ?? 1;
        var pageSize = ParseLong(v, "size", size, 1, PageRequest.MaxSize) ?? 20;
        if (fromAt is not null && toAt is not null)
            v.Rule(fromAt <= toAt, "from", "audit.from.after_to", "开始时间不能晚于结束时间", "from must not be after to");
        v.MaxLength("action", action, 128, "操作前缀");
        v.MaxLength("actor", actor, 128, "操作者");
        if (!v.IsValid) return v.ToProblem();
        await AuditReadAsync(http, log, "entries", ct);
        var result = await log.QueryAsync(new AuditQuery
        {
            ActionPrefix = action,
            ActorId = actor,
            From = fromAt,
            To = toAt,
            Page = new PageRequest((int)pageNo, (int)pageSize),
        }, ct);
        return Results.Ok(result);
    }

    private static async Task<IResult> GetEntry(HttpContext http, IAuditLog log, string seq, CancellationToken ct)
    {
        var v = new Validation();
        var s = ParseLong(v, "seq", seq, 0, long.MaxValue);
        if (!v.IsValid || s is null) return v.ToProblem();
        await AuditReadAsync(http, log, "entry", ct, s);
        var entry = await log.GetAsync(s.Value, ct);
        return entry is null ? Problems.NotFound("审计日志条目", "Audit entry") : Results.Ok(entry);
    }

    private static async Task<IResult> GetCheckpoint(HttpContext http, IAuditLog log, string? format, CancellationToken ct)
    {
        await AuditReadAsync(http, log, "checkpoint", ct);
        var cp = await log.GetLatestCheckpointAsync(ct);
        var wantsText = string.Equals(format, "text", StringComparison.OrdinalIgnoreCase) ||
            (format is null && http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/plain", StringComparison.OrdinalIgnoreCase)));
        return wantsText ? Results.Text(cp.Note, "text/plain; charset=utf-8") : Results.Ok(cp);
    }

    private static async Task<IResult> GetInclusion(HttpContext http, IAuditLog log, string? seq, string? treeSize, CancellationToken ct)
    {
        var v = new Validation();
        var s = ParseLong(v, "seq", seq, 0, long.MaxValue);
        var n = ParseLong(v, "treeSize", treeSize, 1, long.MaxValue);
        if (!v.IsValid || s is null || n is null) return v.ToProblem();
        await AuditReadAsync(http, log, "proof.inclusion", ct, s);
        var proof = await log.GetInclusionProofAsync(s.Value, n.Value, ct);
        return proof.ToHttp();
    }

    private static async Task<IResult> GetConsistency(HttpContext http, IAuditLog log, string? first, string? second, CancellationToken ct)
    {
        var v = new Validation();
        var f = ParseLong(v, "first", first, 1, long.MaxValue);
        var s = ParseLong(v, "second", second, 1, long.MaxValue);
        if (f is not null && s is not null)
            v.Rule(f <= s, "first", "audit.first.after_second", "起始树大小不能大于目标树大小", "first must not exceed second");
        if (!v.IsValid || f is null || s is null) return v.ToProblem();
        await AuditReadAsync(http, log, "proof.consistency", ct);
        var proof = await log.GetConsistencyProofAsync(f.Value, s.Value, ct);
        return proof.ToHttp();
    }

    private static long? ParseLong(Validation v, string field, string? input, long min, long max)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            if (field is "page" or "size") return null;
            v.Add(new Error("required", $"{field}不能为空", $"{field} is required", field));
            return null;
        }
        if (!long.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            v.Add(new Error("audit.not_a_number", $"{field}必须是非负整数", $"{field} must be a non-negative integer", field));
            return null;
        }
        if (value < min || value > max)
        {
            v.Add(new Error("audit.out_of_range", $"{field}必须在{min}到{max}之间", $"{field} must be between {min} and {max}", field));
            return null;
        }
        return value;
    }

    private static DateTimeOffset? ParseTime(Validation v, string field, string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        if (DateTimeOffset.TryParse(input, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t.ToUniversalTime();
        v.Add(new Error("audit.not_a_time", $"{field}必须是RFC 3339时间", $"{field} must be an RFC 3339 timestamp", field));
        return null;
    }

    private static async Task AuditReadAsync(HttpContext http, IAuditLog log, string what, CancellationToken ct, long? seq = null)
    {
        var actor = http.RequestServices.GetRequiredService<ActorAccessor>().FromContext(http);
        var details = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["resource"] = what,
            ["query"] = http.Request.QueryString.HasValue ? http.Request.QueryString.Value : null,
        });
        await log.AppendAsync(AuditRecord.For(actor, ReadPermission, AuditOutcome.Success) with
        {
            Target = seq is { } s ? new AuditTarget("audit_entry", s.ToString(CultureInfo.InvariantCulture)) : null,
            Details = details,
            SourceIp = http.Connection.RemoteIpAddress?.ToString(),
            TraceId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
        }, ct);
    }
}
