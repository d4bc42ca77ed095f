using Qilu.Catalog.Contracts;
using Qilu.SharedKernel.Masking;

namespace Qilu.Sharing.Gateway;

/// <summary>
/// Applies a grant's masking rule to a value, by the data element the field is bound to: ID numbers, phones, names and
/// credit codes through the platform's <see cref="Mask"/> helpers; other partially masked text keeps its first and
/// last quarter. A withheld (Redact) field becomes null: the consumer learns the field exists, never its value.
/// </summary>
internal static class FieldMasking
{
    public static string? Apply(MaskingRule rule, string? elementIdentifier, string? value)
    {
        if (value is null || rule == MaskingRule.None) return value;
        if (rule == MaskingRule.Redact) return null;
        return elementIdentifier switch
        {
            StandardElementIds.IdNumber => Mask.IdNumber(value),
            StandardElementIds.PersonName or StandardElementIds.LegalRepresentative => Mask.Name(value),
            StandardElementIds.CreditCode => Mask.CreditCode(value),
            StandardElementIds.Phone => Mask.Phone(value),
            StandardElementIds.Email => Mask.Email(value),
            _ => Generic(value),
        };
    }

    private static string Generic(string value)
    {
        if (value.Length <= 2) return new string('*', value.Length);
        var keep = Math.Max(1, value.Length / 4);
        return string.Concat(value.AsSpan(0, keep), new string('*', value.Length - 2 * keep), value.AsSpan(value.Length - keep));
    }

    /// <summary>Stricter-or-equal test: a grant may mask harder than the grade's default, never softer.</summary>
    public static bool IsAtLeast(MaskingRule rule, MaskingRule floor) => rule >= floor;
}
