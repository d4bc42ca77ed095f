using System.Security.Cryptography;

namespace Qilu.Platform.Cryptography;

/// <summary>RFC 7468 PEM and hex helpers with precise errors.</summary>
internal static class Pem
{
    public static string Encode(string label, byte[] der) => new string(PemEncoding.Write(label, der)) + "\n";

    public static byte[] Decode(string pem, string expectedLabel)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!PemEncoding.TryFind(pem, out var fields))
            throw new FormatException($"No PEM block found; expected -----BEGIN {expectedLabel}-----.");
        var label = pem.AsSpan()[fields.Label];
        if (!label.SequenceEqual(expectedLabel))
            throw new FormatException($"PEM label is '{label}', expected '{expectedLabel}'.");
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }

    public static byte[] DecodeHex(string hex, string what)
    {
        var trimmed = hex.Trim();
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[2..];
        try
        {
            return Convert.FromHexString(trimmed);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{what} is not valid hex.", ex);
        }
    }
}
