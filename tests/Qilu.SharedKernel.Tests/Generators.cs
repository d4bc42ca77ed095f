using FsCheck;
using FsCheck.Fluent;

namespace Qilu.SharedKernel.Tests;

/// <summary>FsCheck generators of well-formed identifier parts (computed check characters, never stored samples).</summary>
internal static class Generators
{
    private static readonly int[] Provinces =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82];

    /// <summary>Structurally valid 6-digit GB/T 2260 codes at province, city or county level.</summary>
    public static Gen<string> Region { get; } =
        from p in Gen.Elements(Provinces)
        from city in Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, 99)))
        from county in city == 0 ? Gen.Constant(0) : Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, 99)))
        select $"{p:00}{city:00}{county:00}";

    /// <summary>Birth dates from 1900-01-01 to 2099-12-31.</summary>
    public static Gen<DateOnly> BirthDate { get; } =
        Gen.Choose(0, new DateOnly(2099, 12, 31).DayNumber - new DateOnly(1900, 1, 1).DayNumber)
            .Select(d => new DateOnly(1900, 1, 1).AddDays(d));

    /// <summary>Valid 18-character ID numbers.</summary>
    public static Gen<string> IdNumber { get; } =
        from region in Region
        from date in BirthDate
        from seq in Gen.Choose(0, 999)
        let body = $"{region}{date:yyyyMMdd}{seq:000}"
        select body + Identifiers.IdNumber.ComputeCheckCharacter(body);

    /// <summary>Valid 15-digit legacy numbers (births 1900-1999).</summary>
    public static Gen<string> LegacyIdNumber { get; } =
        from region in Region
        from date in BirthDate.Where(d => d.Year <= 1999)
        from seq in Gen.Choose(0, 999)
        select $"{region}{date:yyMMdd}{seq:000}";

    private static readonly (char Authority, char[] Types)[] CreditCategories =
    [
        ('1', ['1', '2', '3', '9']), ('2', ['1', '9']), ('3', ['1', '2', '3', '4', '5', '9']), ('4', ['1', '9']),
        ('5', ['1', '2', '3', '9']), ('6', ['1', '2', '9']), ('7', ['1', '2', '9']), ('8', ['1', '9']),
        ('9', ['1', '2', '3']), ('A', ['1', '9']), ('N', ['1', '2', '3', '9']), ('Y', ['1']),
    ];

    /// <summary>Valid credit codes: a listed authority/type pair, 100000 or a valid region, a checked organisation code.</summary>
    public static Gen<string> CreditCode { get; } =
        from category in Gen.Elements(CreditCategories)
        from type in Gen.Elements(category.Types)
        from region in Gen.Frequency((1, Gen.Constant("100000")), (9, Region))
        from body in Gen.Elements(Identifiers.CreditCode.Alphabet.ToCharArray()).ArrayOf(8)
        let org = new string(body) + Identifiers.CreditCode.ComputeOrganizationCheckCharacter(body)
        let first17 = $"{category.Authority}{type}{region}{org}"
        select first17 + Identifiers.CreditCode.ComputeCheckCharacter(first17);

    /// <summary>A code, a position in it, and a different character for that position drawn from <paramref name="alphabet"/>.</summary>
    public static Gen<(string Code, int Position, char Replacement)> Substitution(Gen<string> codes, string alphabet) =>
        from code in codes
        from position in Gen.Choose(0, code.Length - 1)
        from replacement in Gen.Elements(alphabet.ToCharArray()).Where(c => c != code[position])
        select (code, position, replacement);

    public static string Replace(string s, int position, char c) => string.Concat(s.AsSpan(0, position), c.ToString(), s.AsSpan(position + 1));
}
