namespace Qilu.Catalog.Resources;

/// <summary>
/// Rows of mounted tables (ADR 0016). Written and read through raw SQL by <see cref="RowStore"/> for speed; declared
/// here so that migrations create the table and its indexes on both providers. <see cref="KeyToken"/> is the key in
/// plaintext, or its blind index when the key column is encrypted; <see cref="Payload"/> holds the plain fields as
/// JSON and <see cref="Secret"/> the personal fields, encrypted together (one SM4-GCM seal per row).
/// </summary>
internal sealed class StoredRow
{
    public Guid ResourceId { get; set; }

    public string KeyToken { get; set; } = "";

    public string? DivisionCode { get; set; }

    public string Payload { get; set; } = "{}";

    public string? Secret { get; set; }

    /// <summary>Keyed digest of the row's values (HMAC-SHA256 under a per-resource key): unchanged rows are detected
    /// without decrypting, and the digest reveals nothing about the values.</summary>
    public string Digest { get; set; } = "";

    public long Sequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Blind-index entries of encrypted columns, for equality filters (one per row and indexed column).</summary>
internal sealed class StoredRowFilter
{
    public Guid ResourceId { get; set; }

    public int Column { get; set; }

    public string Token { get; set; } = "";

    public string KeyToken { get; set; } = "";
}

/// <summary>The append-only change feed of a table: one entry per inserted, updated or deleted row.</summary>
internal sealed class StoredChange
{
    public Guid ResourceId { get; set; }

    public long Sequence { get; set; }

    public string KeyToken { get; set; } = "";

    public bool Deleted { get; set; }

    /// <summary>The row's division at the change, so that a scoped reader sees tombstones of its own rows only.</summary>
    public string? DivisionCode { get; set; }

    /// <summary>For a deletion when the key is encrypted: the deleted row's seal, so that the tombstone can name its key.</summary>
    public string? Sealed { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>Bytes of a mounted file, kept apart from the resource so that listing resources never loads them.</summary>
internal sealed class StoredFile
{
    public Guid ResourceId { get; set; }

    public byte[] Bytes { get; set; } = [];
}
