using Qilu.Platform.Cryptography.Fields;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Masking;
using Qilu.SharedKernel.Results;

namespace Qilu.Trust.Certificates;

/// <summary>
/// A holder's identifier, validated and normalised: 公民身份号码 (GB 11643, type code 111) or 统一社会信用代码
/// (GB 32100, type code 001), as GB/T 36903 names the holder identifier types.
/// </summary>
internal readonly record struct HolderIdentifier(string TypeCode, string Value)
{
    public const string PersonCode = "111";
    public const string OrganisationCode = "001";
    public const string BlindIndexPurpose = "trust.certificates.holder";

    public string Masked => TypeCode == PersonCode ? Mask.IdNumber(Value) : Mask.CreditCode(Value);

    public string Index(IFieldProtector protector) => protector.BlindIndex(Value, BlindIndexPurpose);

    /// <summary>Parses for a holder kind (<c>person</c> / <c>organisation</c>), with the field name for errors.</summary>
    public static Result<HolderIdentifier> Parse(string? value, string holderKind, TimeProvider clock, string field = "holderIdentifier")
    {
        if (holderKind == "organisation")
        {
            var code = CreditCode.Parse(value);
            return code.IsSuccess ? new HolderIdentifier(OrganisationCode, code.Value.ToString())
                : Result<HolderIdentifier>.Failure([.. code.Errors.Select(e => e with { Field = field })], ErrorKind.Validation);
        }
        var id = IdNumber.Parse(value, clock);
        return id.IsSuccess ? new HolderIdentifier(PersonCode, id.Value.ToString())
            : Result<HolderIdentifier>.Failure([.. id.Errors.Select(e => e with { Field = field })], ErrorKind.Validation);
    }

    /// <summary>Either kind, for lookups: null when neither an ID number nor a credit code.</summary>
    public static HolderIdentifier? TryParseAny(string? value)
    {
        if (IdNumber.TryParse(value, out var id)) return new HolderIdentifier(PersonCode, id.ToString());
        if (CreditCode.TryParse(value, out var code)) return new HolderIdentifier(OrganisationCode, code.ToString());
        return null;
    }
}
