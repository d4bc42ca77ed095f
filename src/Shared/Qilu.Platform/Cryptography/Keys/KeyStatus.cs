namespace Qilu.Platform.Cryptography.Keys;

/// <summary>Life-cycle state of a stored key. Keys are never deleted: retired keys still verify and decrypt.</summary>
public enum KeyStatus
{
    /// <summary>The key used for new signatures / encryptions of its purpose (exactly one per purpose and algorithm).</summary>
    Active,

    /// <summary>Superseded by rotation; kept for verification and decryption of existing data.</summary>
    Retired,
}
