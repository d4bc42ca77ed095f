using System.Globalization;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;

namespace Qilu.Trust.Signing;

/// <summary>
/// GB/T 38540-2020 (v4) structures, DER:
/// <code>
/// SESeal        ::= SEQUENCE { eSealInfo SES_SealInfo, cert OCTET STRING, signAlgID OID, signedValue BIT STRING }
/// SES_SealInfo  ::= SEQUENCE { header SES_Header, esID IA5String, property SES_ESPropertyInfo, picture SES_ESPictrueInfo }
/// SES_Header    ::= SEQUENCE { id IA5String "ES", version INTEGER 4, vid IA5String }
/// SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER 1, certList SEQUENCE OF OCTET STRING,
///                                   createDate GeneralizedTime, validStart GeneralizedTime, validEnd GeneralizedTime }
/// SES_ESPictrueInfo  ::= SEQUENCE { type IA5String, data OCTET STRING, width INTEGER, height INTEGER }
/// SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING, signatureAlgID OID, signature BIT STRING }
/// TBS_Sign      ::= SEQUENCE { version INTEGER 4, eseal SESeal, timeInfo GeneralizedTime, dataHash BIT STRING,
///                              propertyInfo IA5String }
/// </code>
/// The optional extDatas and timeStamp fields are not written; the decoder tolerates their presence.
/// </summary>
internal static class Ses
{
    public const int Version = 4;
    public const string VendorId = "QILU";
    public static readonly DerObjectIdentifier Sm3WithSm2 = GMObjectIdentifiers.sm2sign_with_sm3;

    /// <summary>SES_SealInfo DER (what the 制章者 signs).</summary>
    public static Asn1Sequence SealInfo(string esId, int type, string name, byte[] sealCertificate, DateTimeOffset created,
        DateTimeOffset validStart, DateTimeOffset validEnd, byte[] svg) =>
        new DerSequence(
            new DerSequence(new DerIA5String("ES"), DerInteger.ValueOf(Version), new DerIA5String(VendorId)),
            new DerIA5String(esId),
            new DerSequence(DerInteger.ValueOf(type), new DerUtf8String(name), DerInteger.ValueOf(1),
                new DerSequence(new DerOctetString(sealCertificate)),
                Time(created), Time(validStart), Time(validEnd)),
            // 40 mm: the common diameter of a unit's round official seal.
            new DerSequence(new DerIA5String("svg"), new DerOctetString(svg), DerInteger.ValueOf(40), DerInteger.ValueOf(40)));

    public static byte[] SESeal(Asn1Sequence sealInfo, byte[] makerCertificate, byte[] makerSignature) =>
        new DerSequence(sealInfo, new DerOctetString(makerCertificate), Sm3WithSm2, new DerBitString(makerSignature)).GetDerEncoded();

    public static Asn1Sequence TbsSign(byte[] seSeal, DateTimeOffset time, byte[] dataHash, string propertyInfo) =>
        new DerSequence(DerInteger.ValueOf(Version), Asn1Object.FromByteArray(seSeal), Time(time), new DerBitString(dataHash),
            new DerIA5String(propertyInfo));

    public static byte[] Signature(Asn1Sequence tbs, byte[] signerCertificate, byte[] signature) =>
        new DerSequence(tbs, new DerOctetString(signerCertificate), Sm3WithSm2, new DerBitString(signature)).GetDerEncoded();

    /// <summary>GeneralizedTime in UTC with whole seconds (DER forbids a trailing fraction of zeros).</summary>
    public static DerGeneralizedTime Time(DateTimeOffset t) =>
        new(t.UtcDateTime.ToString("yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture));

    /// <summary>A decoded SESeal.</summary>
    public sealed record SealInfoView(byte[] SealInfoDer, string EsId, int Type, string Name, byte[] SealCertificate,
        DateTimeOffset ValidStart, DateTimeOffset ValidEnd, byte[] MakerCertificate, byte[] MakerSignature);

    /// <summary>A decoded SES_Signature.</summary>
    public sealed record SignatureView(byte[] TbsDer, SealInfoView Seal, DateTimeOffset Time, byte[] DataHash, string PropertyInfo,
        byte[] SignerCertificate, string SignatureAlgorithm, byte[] SignatureValue);

    /// <summary>Decodes an SES_Signature; throws <see cref="FormatException"/> when the structure is not GB/T 38540 v4.</summary>
    public static SignatureView ReadSignature(byte[] der)
    {
        try
        {
            var seq = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(der));
            var tbs = Asn1Sequence.GetInstance(seq[0]);
            if (DerInteger.GetInstance(tbs[0]).IntValueExact != Version) throw new FormatException("TBS_Sign.version is not 4.");
            var seal = ReadSeal(Asn1Sequence.GetInstance(tbs[1]));
            var time = new DateTimeOffset(Asn1GeneralizedTime.GetInstance(tbs[2]).ToDateTime(), TimeSpan.Zero);
            var hash = DerBitString.GetInstance(tbs[3]).GetOctets();
            var property = DerIA5String.GetInstance(tbs[4]).GetString();
            return new SignatureView(tbs.GetDerEncoded(), seal, time, hash, property,
                Asn1OctetString.GetInstance(seq[1]).GetOctets(), DerObjectIdentifier.GetInstance(seq[2]).Id,
                DerBitString.GetInstance(seq[3]).GetOctets());
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidCastException or IOException or IndexOutOfRangeException
            or InvalidOperationException or ArithmeticException)
        {
            throw new FormatException("Not a GB/T 38540 SES_Signature: " + ex.Message, ex);
        }
    }

    private static SealInfoView ReadSeal(Asn1Sequence seSeal)
    {
        var info = Asn1Sequence.GetInstance(seSeal[0]);
        var header = Asn1Sequence.GetInstance(info[0]);
        if (DerIA5String.GetInstance(header[0]).GetString() != "ES") throw new FormatException("SES_Header.id is not ES.");
        var property = Asn1Sequence.GetInstance(info[2]);
        var certList = Asn1Sequence.GetInstance(property[3]);
        return new SealInfoView(info.GetDerEncoded(), DerIA5String.GetInstance(info[1]).GetString(),
            DerInteger.GetInstance(property[0]).IntValueExact, DerUtf8String.GetInstance(property[1]).GetString(),
            Asn1OctetString.GetInstance(certList[0]).GetOctets(),
            new DateTimeOffset(Asn1GeneralizedTime.GetInstance(property[5]).ToDateTime(), TimeSpan.Zero),
            new DateTimeOffset(Asn1GeneralizedTime.GetInstance(property[6]).ToDateTime(), TimeSpan.Zero),
            Asn1OctetString.GetInstance(seSeal[1]).GetOctets(), DerBitString.GetInstance(seSeal[3]).GetOctets());
    }

    /// <summary>The protection scope text written into propertyInfo (GB/T 38540 requires at least the scope).</summary>
    public static string PropertyInfo(string fileName, long length) =>
        "scope=whole-file;length=" + length.ToString(CultureInfo.InvariantCulture) + ";name=" + Uri.EscapeDataString(fileName);

    internal static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
