using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Qilu.Platform.Cryptography.Fields;

namespace Qilu.Catalog.Resources;

/// <summary>
/// Turns validated values into the stored form of a row and back (ADR 0016): plain fields as a JSON object, personal
/// fields as one SM4-GCM seal of a JSON object (the platform's field encryption), the key as plaintext or as its blind
/// index, blind indexes for filterable encrypted columns, and a keyed digest for change detection. One instance per
/// resource; thread-safe (imports encode batches in parallel).
/// </summary>
internal sealed class RowCodec
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly IFieldProtector _protector;
    private byte[]? _digestKey;
    private readonly string[] _purposes;

    public RowCodec(MountedResource resource, IFieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _protector = protector;
        ResourceId = resource.Id;
        Columns = resource.Columns;
        KeyColumn = IndexOf(resource.KeyField);
        DivisionColumn = IndexOf(resource.DivisionField);
        _purposes = [.. Columns.Select((_, i) => $"catalog.r{resource.Id:N}.c{i}")];
    }

    // A per-resource HMAC key derived through the blind-index key: digests of equal rows differ across resources and
    // cannot be brute-forced from the (small) ID-number space without the key store. Derived on first use: a lookup by
    // key never needs it. Two threads deriving it at once compute the same bytes.
    private byte[] DigestKey => _digestKey ??= Convert.FromHexString(_protector.BlindIndex("row-digest", $"catalog.r{ResourceId:N}.digest"));

    public Guid ResourceId { get; }

    public IReadOnlyList<TableColumn> Columns { get; }

    public int KeyColumn { get; }

    public int DivisionColumn { get; }

    public bool KeyEncrypted => KeyColumn >= 0 && Columns[KeyColumn].Encrypted;

    public int IndexOf(string? field)
    {
        if (field is null) return -1;
        for (var i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i].Field, field, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>The stored key token for a canonical key value.</summary>
    public string KeyToken(string canonicalKey) => KeyEncrypted ? _protector.BlindIndex(canonicalKey, _purposes[KeyColumn]) : canonicalKey;

    /// <summary>Hex characters of a filter token: the first 128 bits of the HMAC-SM3 blind index.</summary>
    public const int FilterTokenLength = 32;

    /// <summary>The blind-index token of a canonical value in an indexed encrypted column, truncated to 128 bits
    /// (ADR 0016 addendum 2): the filter index holds millions of entries and every byte of a randomly placed entry costs
    /// at import; a truncated HMAC stays a PRF (RFC 2104 §5 allows truncation to half the output), and 128 bits give no
    /// practical collision (at 10⁹ values per column the chance of any collision is below 10⁻²⁰). A collision would
    /// only add a row to a filter result, never hide one.</summary>
    public string FilterToken(int column, string canonicalValue) => _protector.BlindIndex(canonicalValue, _purposes[column], FilterTokenLength);

    /// <summary>Whether any column has filter tokens.</summary>
    public bool HasFilters
    {
        get
        {
            for (var i = 0; i < Columns.Count; i++)
                if (i != KeyColumn && Columns[i].Indexed) return true;
            return false;
        }
    }

    /// <summary>The filter tokens a stored row has in the filter index, recomputed from its values (the index has no
    /// entry by key, so replacing or deleting a row removes exactly these). Opens the seal.</summary>
    public List<(int Column, string Token)> FilterTokensOf(string payload, string? sealedValues)
    {
        var tokens = new List<(int Column, string Token)>();
        var values = Decode(payload, sealedValues, null);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (i == KeyColumn || !Columns[i].Indexed) continue;
            if (values.GetValueOrDefault(Columns[i].Field) is { } v) tokens.Add((i, FilterToken(i, v)));
        }
        return tokens;
    }

    /// <summary>Encodes one row of canonical values (null = empty), in column order.</summary>
    public EncodedRow Encode(string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var key = values[KeyColumn]!;
        // The JSON writers and buffers are kept per thread (the import encodes on every core): creating two writers and two
        // buffers per row was a large part of what the import allocated (ADR 0016 addendum 3). Same JSON, byte for byte.
        var buffers = t_buffers ??= new EncodeBuffers();
        var writer = EncodeBuffers.Start(buffers.Plain, buffers.PlainBuffer);
        Utf8JsonWriter? secretWriter = null;
        writer.WriteStartObject();
        for (var i = 0; i < Columns.Count; i++)
        {
            if (values[i] is not { } v) continue;
            if (Columns[i].Encrypted)
            {
                if (secretWriter is null)
                {
                    secretWriter = EncodeBuffers.Start(buffers.Secret, buffers.SecretBuffer);
                    secretWriter.WriteStartObject();
                }
                secretWriter.WriteString(Columns[i].Field, v);
            }
            else writer.WriteString(Columns[i].Field, v);
        }
        writer.WriteEndObject();
        writer.Flush();
        string? sealedText = null;
        if (secretWriter is not null)
        {
            secretWriter.WriteEndObject();
            secretWriter.Flush();
            sealedText = _protector.ProtectUtf8(buffers.SecretBuffer.WrittenSpan);
            // The plaintext of personal fields does not stay in the kept buffer.
            buffers.SecretBuffer.Clear();
        }
        List<(int Column, string Token)>? filters = null;
        for (var i = 0; i < Columns.Count; i++)
        {
            if (i == KeyColumn || !Columns[i].Indexed || values[i] is not { } v) continue;
            (filters ??= []).Add((i, FilterToken(i, v)));
        }
        return new EncodedRow(KeyToken(key), DivisionColumn >= 0 ? values[DivisionColumn] : null, Encoding.UTF8.GetString(buffers.PlainBuffer.WrittenSpan),
            sealedText, Digest(values), filters);
    }

    /// <summary>Keyed digest of the values (order-sensitive, nulls distinct from empty strings): HMAC-SHA256 over the UTF-8
    /// of each value (or U+001E for null) followed by U+001F, first 18 bytes in base64.</summary>
    public string Digest(string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var buffers = t_buffers ??= new EncodeBuffers();
        var text = buffers.DigestBuffer;
        text.ResetWrittenCount();
        foreach (var v in values)
        {
            var span = text.GetSpan(v is null ? 2 : Encoding.UTF8.GetMaxByteCount(v.Length) + 1);
            var n = 1;
            if (v is null) span[0] = 0x1E;
            else n = Encoding.UTF8.GetBytes(v, span);
            span[n] = 0x1F;
            text.Advance(n + 1);
        }
        Span<byte> mac = stackalloc byte[32];
        var hmac = buffers.Mac(DigestKey);
        hmac.AppendData(text.WrittenSpan);
        hmac.GetHashAndReset(mac);
        // Clear() zeroes the written bytes: they are the row's values, personal ones included.
        text.Clear();
        return Convert.ToBase64String(mac[..18]);
    }

    [ThreadStatic] private static EncodeBuffers? t_buffers;

    /// <summary>A thread's JSON writers, buffers and keyed digest MAC (OpenSSL's one-shot HMAC sets up and frees a MAC
    /// context per call; a kept <see cref="IncrementalHash"/> resets to the keyed state instead).</summary>
    private sealed class EncodeBuffers : IDisposable
    {
        public readonly ArrayBufferWriter<byte> PlainBuffer = new(256);
        public readonly ArrayBufferWriter<byte> SecretBuffer = new(256);
        public readonly ArrayBufferWriter<byte> DigestBuffer = new(256);
        public readonly Utf8JsonWriter Plain;
        public readonly Utf8JsonWriter Secret;
        private IncrementalHash? _mac;
        private byte[]? _macKey;

        public EncodeBuffers()
        {
            Plain = new Utf8JsonWriter(PlainBuffer, WriterOptions);
            Secret = new Utf8JsonWriter(SecretBuffer, WriterOptions);
        }

        public static Utf8JsonWriter Start(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            return writer;
        }

        public IncrementalHash Mac(byte[] key)
        {
            if (_mac is not null && ReferenceEquals(key, _macKey)) return _mac;
            _mac?.Dispose();
            _mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            _macKey = key;
            return _mac;
        }

        // Kept for the thread's lifetime; disposing is for completeness (a thread's buffers are otherwise collected).
        public void Dispose()
        {
            Plain.Dispose();
            Secret.Dispose();
            _mac?.Dispose();
        }
    }

    /// <summary>Decodes the stored payload and seal into field → value, decrypting only when a wanted field is sealed.</summary>
    public Dictionary<string, string?> Decode(string payload, string? sealedValues, IReadOnlyCollection<string>? wanted)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        Read(payload, result, wanted);
        if (sealedValues is not null && (wanted is null || Columns.Any(c => c.Encrypted && wanted.Contains(c.Field))))
            Read(_protector.Unprotect(sealedValues), result, wanted);
        return result;
    }

    private static void Read(string json, Dictionary<string, string?> into, IReadOnlyCollection<string>? wanted)
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
            if (wanted is null || wanted.Contains(p.Name)) into[p.Name] = p.Value.GetString();
    }
}

/// <summary>A row in its stored form.</summary>
internal sealed record EncodedRow(string KeyToken, string? Division, string Payload, string? Secret, string Digest,
    List<(int Column, string Token)>? Filters);
