namespace Qilu.Platform.Cryptography.Keys;

/// <summary>Key store settings (<c>Qilu:Keys</c>).</summary>
public sealed class KeyStoreOptions
{
    /// <summary>Configuration key of the master key.</summary>
    public const string MasterKeyConfigurationKey = "Qilu:Keys:MasterKey";

    /// <summary>
    /// Base64 of 32 random bytes (<c>Qilu:Keys:MasterKey</c>) that encrypts every stored private key. Production
    /// supplies it from configuration / a secrets manager / an HSM-backed KMS; it must be the same on all nodes.
    /// </summary>
    public string? MasterKey { get; set; }

    /// <summary>
    /// Data directory. With no <see cref="MasterKey"/> the store keeps a generated master key in
    /// <c>&lt;data dir&gt;/keys/master.key</c> (mode 600) and logs a warning: fine for one machine, not for production.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>How long a node trusts its cached "active key" before re-reading it (picks up other nodes' rotations).</summary>
    public TimeSpan ActiveKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
