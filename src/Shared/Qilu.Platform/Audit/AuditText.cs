using System.Globalization;
using Qilu.SharedKernel.Actors;

namespace Qilu.Platform.Audit;

/// <summary>Wire names of enums and timestamps in leaf bytes, exports and the API (stable: they are hashed).</summary>
internal static class AuditText
{
    public static string KindName(ActorKind kind) => kind switch
    {
        ActorKind.Official => "official",
        ActorKind.Citizen => "citizen",
        ActorKind.EnterpriseAgent => "enterprise_agent",
        ActorKind.SystemClient => "system_client",
        _ => "anonymous",
    };

    public static ActorKind ParseKind(string name) => name switch
    {
        "official" => ActorKind.Official,
        "citizen" => ActorKind.Citizen,
        "enterprise_agent" => ActorKind.EnterpriseAgent,
        "system_client" => ActorKind.SystemClient,
        _ => ActorKind.Anonymous,
    };

    public static string OutcomeName(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => "success",
        AuditOutcome.Failure => "failure",
        _ => "denied",
    };

    public static AuditOutcome ParseOutcome(string name) => name switch
    {
        "success" => AuditOutcome.Success,
        "failure" => AuditOutcome.Failure,
        _ => AuditOutcome.Denied,
    };

    public static long ToMicros(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicros(long us) => DateTimeOffset.UnixEpoch.AddTicks(us * 10);

    /// <summary>RFC 3339 UTC with exactly six fractional digits.</summary>
    public static string FormatMicros(long us) =>
        FromMicros(us).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Masks a display name for the log: the first character is kept, the rest becomes "**".</summary>
    public static string MaskName(string name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var first = StringInfo.GetNextTextElementLength(name);
        return first >= name.Length ? "*" : string.Concat(name.AsSpan(0, first), "**");
    }
}
