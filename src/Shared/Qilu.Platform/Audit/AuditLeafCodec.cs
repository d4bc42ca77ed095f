using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Qilu.Platform.Audit.Data;

namespace Qilu.Platform.Audit;

/// <summary>
/// The canonical leaf serialisation: UTF-8 JSON, no whitespace, properties in this fixed order, every property
/// present (null when absent), strings escaped minimally (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>:
/// only quote, backslash and control characters):
/// <code>{"v":1,"seq":0,"ts":"2026-11-28T02:00:00.000000Z","actor":{"id":"u1","kind":"official","name":"张**"},
/// "division":"370000","action":"identity.signin.failed","target":{"type":"user","id":"u1"},"outcome":"failure",
/// "details":{...},"ip":"127.0.0.1","trace":"…"}</code>
/// The export file carries exactly these bytes, one entry per line, so an independent verifier hashes the line
/// (<c>SM3(0x00 ‖ line)</c>) without re-serialising anything.
/// </summary>
public static class AuditLeafCodec
{
    /// <summary>Version of the leaf format (the <c>v</c> property).</summary>
    public const int FormatVersion = 1;

    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>The leaf bytes of <paramref name="entry"/>.</summary>
    public static byte[] Serialize(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Serialize(ToRow(entry));
    }

    internal static AuditEntryRow ToRow(AuditEntry e) => new()
    {
        Seq = e.Sequence,
        TimestampUs = AuditText.ToMicros(e.Timestamp),
        ActorId = e.ActorId,
        ActorKind = AuditText.KindName(e.ActorKind),
        ActorName = e.ActorName,
        DivisionCode = e.DivisionCode,
        Action = e.Action,
        TargetType = e.Target?.Type,
        TargetId = e.Target?.Id,
        Outcome = AuditText.OutcomeName(e.Outcome),
        // GetRawText returns the text the element was parsed from, which is the stored canonical text.
        Details = e.Details is { } d ? d.GetRawText() : null,
        SourceIp = e.SourceIp,
        TraceId = e.TraceId,
    };

    internal static AuditEntry ToEntry(AuditEntryRow r) => new(
        r.Seq,
        AuditText.FromMicros(r.TimestampUs),
        r.ActorId,
        AuditText.ParseKind(r.ActorKind),
        r.ActorName,
        r.DivisionCode,
        r.Action,
        r.TargetType is null && r.TargetId is null ? null : new AuditTarget(r.TargetType ?? "", r.TargetId ?? ""),
        AuditText.ParseOutcome(r.Outcome),
        r.Details is null ? null : ParseDetails(r.Details),
        r.SourceIp,
        r.TraceId);

    private static JsonElement ParseDetails(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    internal static byte[] Serialize(AuditEntryRow row) => Write(row).ToArray();

    /// <summary>Writes the leaf into a per-thread buffer; the span is valid until the next call on this thread.</summary>
    internal static ReadOnlySpan<byte> Write(AuditEntryRow row)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var w = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        w.Reset(buffer);
        w.WriteStartObject();
        w.WriteNumber("v"u8, FormatVersion);
        w.WriteNumber("seq"u8, row.Seq);
        w.WriteString("ts"u8, AuditText.FormatMicros(row.TimestampUs));
        w.WriteStartObject("actor"u8);
        w.WriteString("id"u8, row.ActorId);
        w.WriteString("kind"u8, row.ActorKind);
        w.WriteString("name"u8, row.ActorName);
        w.WriteEndObject();
        WriteNullable(w, "division"u8, row.DivisionCode);
        w.WriteString("action"u8, row.Action);
        if (row.TargetType is null && row.TargetId is null)
        {
            w.WriteNull("target"u8);
        }
        else
        {
            w.WriteStartObject("target"u8);
            w.WriteString("type"u8, row.TargetType ?? "");
            w.WriteString("id"u8, row.TargetId ?? "");
            w.WriteEndObject();
        }
        w.WriteString("outcome"u8, row.Outcome);
        w.WritePropertyName("details"u8);
        if (row.Details is null) w.WriteNullValue();
        else w.WriteRawValue(row.Details, skipInputValidation: false);
        WriteNullable(w, "ip"u8, row.SourceIp);
        WriteNullable(w, "trace"u8, row.TraceId);
        w.WriteEndObject();
        w.Flush();
        return buffer.WrittenSpan;
    }

    private static void WriteNullable(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    /// <summary>Canonical compact text of a details object (the form stored and hashed).</summary>
    internal static string CanonicalDetails(JsonElement details)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) details.WriteTo(w);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Reads the sequence number of an export line (the leading <c>{"v":1,"seq":N</c>) without parsing the rest.
    /// Returns false when the line is not an entry.
    /// </summary>
    internal static bool TryReadSequence(ReadOnlySpan<byte> line, out long seq)
    {
        seq = -1;
        try
        {
            var r = new Utf8JsonReader(line);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return false;
            if (!r.Read() || !r.ValueTextEquals("v"u8)) return false;
            if (!r.Read() || r.TokenType != JsonTokenType.Number) return false;
            if (!r.Read() || !r.ValueTextEquals("seq"u8)) return false;
            if (!r.Read() || r.TokenType != JsonTokenType.Number || !r.TryGetInt64(out seq)) return false;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
