using System.Text.Json;
using System.Text.RegularExpressions;
using Qilu.Platform.Audit.Data;

namespace Qilu.Platform.Audit;

/// <summary>Checks a record and turns it into a row (without sequence and timestamp, which the writer assigns).</summary>
internal static partial class AuditRecordValidator
{
    public const int MaxDetailsBytes = 8 * 1024;

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionPattern();

    public static AuditEntryRow ToRow(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Action is null || record.Action.Length > 128 || !ActionPattern().IsMatch(record.Action))
            throw new ArgumentException($"Audit action '{record.Action}' must be dotted lower-case words (e.g. identity.signin.failed), at most 128 characters.", nameof(record));
        Check(record.ActorId, 128, nameof(record.ActorId));
        Check(record.DivisionCode, 12, nameof(record.DivisionCode));
        Check(record.Target?.Type, 64, "Target.Type");
        Check(record.Target?.Id, 128, "Target.Id");
        Check(record.SourceIp, 64, nameof(record.SourceIp));
        Check(record.TraceId, 64, nameof(record.TraceId));
        if (!Enum.IsDefined(record.Outcome)) throw new ArgumentException("Unknown audit outcome.", nameof(record));
        string? details = null;
        if (record.CanonicalDetailsText is { } text)
        {
            // Serialised by AuditEventWriter: an object's text starts with its brace (a list or a scalar would not).
            if (text.Length == 0 || text[0] != '{') throw new ArgumentException("Audit details must be a JSON object.", nameof(record));
            details = text;
        }
        else if (record.Details is { } d && d.ValueKind != JsonValueKind.Undefined && d.ValueKind != JsonValueKind.Null)
        {
            if (d.ValueKind != JsonValueKind.Object) throw new ArgumentException("Audit details must be a JSON object.", nameof(record));
            details = AuditLeafCodec.CanonicalDetails(d);
        }
        if (details is not null && System.Text.Encoding.UTF8.GetByteCount(details) > MaxDetailsBytes)
            throw new ArgumentException($"Audit details exceed {MaxDetailsBytes} bytes.", nameof(record));
        return new AuditEntryRow
        {
            ActorId = record.ActorId ?? "",
            ActorKind = AuditText.KindName(record.ActorKind),
            ActorName = AuditText.MaskName(record.ActorName ?? ""),
            DivisionCode = record.DivisionCode,
            Action = record.Action,
            TargetType = record.Target?.Type,
            TargetId = record.Target?.Id,
            Outcome = AuditText.OutcomeName(record.Outcome),
            Details = details,
            SourceIp = record.SourceIp,
            TraceId = record.TraceId,
        };
    }

    private static void Check(string? value, int max, string field)
    {
        if (value is not null && value.Length > max)
            throw new ArgumentException($"Audit field {field} exceeds {max} characters.", field);
    }
}
