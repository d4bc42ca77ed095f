namespace Qilu.Hotline.Open311;

/// <summary>An Open311 <c>api_key</c> issued to a client system; only its SHA-256 is stored.</summary>
internal sealed class Open311Key
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; init; }
    public required string KeyHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool Revoked { get; set; }
}
