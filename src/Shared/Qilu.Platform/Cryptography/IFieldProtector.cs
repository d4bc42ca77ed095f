namespace Qilu.Platform.Cryptography;

/// <summary>Placeholder contract until the cryptography branch lands (replaced by it).</summary>
public interface IFieldProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedValue);

    string BlindIndex(string normalizedValue, string purpose);
}
