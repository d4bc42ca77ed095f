namespace Qilu.Platform.Cryptography.Keys;

/// <summary>
/// The key store cannot serve keys: typically the master key is missing, malformed, or not the one the stored keys
/// were encrypted with. The message says which and where the master key came from.
/// </summary>
public sealed class KeyStoreException : Exception
{
    public KeyStoreException() { }

    public KeyStoreException(string message) : base(message) { }

    public KeyStoreException(string message, Exception innerException) : base(message, innerException) { }
}
