namespace Qilu.Platform.Cryptography.Keys;

/// <summary>Public description of a stored key (never the secret part).</summary>
/// <param name="Id">Key id, e.g. <c>sm2-20261128-ab12cd</c>; stamped into signatures and ciphertexts.</param>
/// <param name="Purpose">What the key is for, e.g. <c>audit.checkpoint</c>.</param>
/// <param name="Algorithm">Key kind.</param>
/// <param name="CreatedAt">When the key was generated (UTC).</param>
/// <param name="ActivatedAt">When it became active (UTC).</param>
/// <param name="RetiredAt">When a rotation superseded it (UTC), or null while active.</param>
/// <param name="PublicKey">SM2: uncompressed point 04‖x‖y (65 bytes); RSA and ECDSA P-256: SubjectPublicKeyInfo DER; symmetric: empty.</param>
/// <param name="Status">Active or retired.</param>
public sealed record KeyInfo(
    string Id,
    string Purpose,
    KeyAlgorithm Algorithm,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? RetiredAt,
    byte[] PublicKey,
    KeyStatus Status);
