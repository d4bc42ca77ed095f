using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Qilu.Trust.Certificates;

namespace Qilu.Trust.Credentials;

/// <summary>
/// W3C Data Integrity ECDSA Cryptosuites v1.0, cryptosuite <c>ecdsa-jcs-2019</c> on P-256:
/// transformation = JCS (RFC 8785) of the document without <c>proof</c>; proof configuration = the proof options
/// without <c>proofValue</c>, with <c>@context</c> set to the document's, also JCS; hashData = SHA-256(canonical proof
/// configuration) ‖ SHA-256(canonical document) (64 bytes); proofValue = multibase base58btc (<c>z</c>) of the ECDSA
/// P-256/SHA-256 signature of hashData in IEEE P1363 form (r‖s, 64 bytes).
/// </summary>
internal static class EcdsaJcs2019
{
    public const string Cryptosuite = "ecdsa-jcs-2019";
    public const string ProofType = "DataIntegrityProof";

    /// <summary>The 64 bytes that are signed.</summary>
    public static byte[] HashData(JsonObject unsecuredDocument, JsonObject proofOptions)
    {
        var document = (JsonObject)unsecuredDocument.DeepClone();
        document.Remove("proof");
        var config = (JsonObject)proofOptions.DeepClone();
        config.Remove("proofValue");
        if (document["@context"] is { } context) config["@context"] = context.DeepClone();
        return [.. SHA256.HashData(CanonicalJson.Utf8(config)), .. SHA256.HashData(CanonicalJson.Utf8(document))];
    }

    /// <summary>Adds a proof made with <paramref name="sign"/> (ECDSA P-256 SHA-256, P1363) and returns the document.</summary>
    public static JsonObject AddProof(JsonObject document, string verificationMethod, DateTimeOffset created, Func<byte[], byte[]> sign)
    {
        var proof = new JsonObject
        {
            ["type"] = ProofType,
            ["cryptosuite"] = Cryptosuite,
            ["created"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["verificationMethod"] = verificationMethod,
            ["proofPurpose"] = "assertionMethod",
        };
        var signature = sign(HashData(document, proof));
        proof["proofValue"] = "z" + Base58Btc.Encode(signature);
        document["proof"] = proof;
        return document;
    }

    /// <summary>Why a secured document's proof does not verify, or null when it does (the key is the did:key in the proof).</summary>
    public static string? Check(JsonObject secured, out byte[]? publicKey)
    {
        publicKey = null;
        if (secured["proof"] is not JsonObject proof) return "no_proof";
        if (proof["type"]?.GetValue<string>() != ProofType || proof["cryptosuite"]?.GetValue<string>() != Cryptosuite) return "unsupported_cryptosuite";
        if (proof["proofPurpose"]?.GetValue<string>() != "assertionMethod") return "wrong_purpose";
        if (proof["proofValue"]?.GetValue<string>() is not { Length: > 1 } value || value[0] != 'z') return "malformed_proof";
        if (proof["verificationMethod"]?.GetValue<string>() is not { } method) return "malformed_proof";
        byte[] signature;
        try
        {
            publicKey = DidKeyP256.Parse(method);
            signature = Base58Btc.Decode(value[1..]);
        }
        catch (FormatException)
        {
            return "malformed_proof";
        }
        if (signature.Length != 64) return "malformed_proof";
        // A proof may carry its own @context; the spec requires the document's to start with it and signs over it.
        var unsecured = (JsonObject)secured.DeepClone();
        unsecured.Remove("proof");
        var options = (JsonObject)proof.DeepClone();
        if (options["@context"] is JsonArray proofContext)
        {
            if (unsecured["@context"] is not JsonArray docContext || proofContext.Count > docContext.Count
                || proofContext.Where((c, i) => !JsonNode.DeepEquals(c, docContext[i])).Any())
                return "context_mismatch";
            unsecured["@context"] = proofContext.DeepClone();
        }
        try
        {
            using var ec = DidKeyP256.PublicKey(publicKey);
            return ec.VerifyData(HashData(unsecured, options), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                ? null : "signature";
        }
        catch (FormatException)
        {
            return "malformed_proof";
        }
    }
}
