using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.SharedKernel.Tests;

public sealed class IdNumberProperties
{
    [Property(MaxTest = 500)]
    public Property Parse_WhenBodyValidAndCheckComputed_Succeeds() =>
        Prop.ForAll(Generators.IdNumber.ToArbitrary(), s =>
        {
            var r = IdNumber.Parse(s);
            return r.IsSuccess && r.Value.ToString() == s && r.Value.BirthDate.ToString("yyyyMMdd", null) == s[6..14];
        });

    [Property(MaxTest = 500)]
    public Property Parse_WhenAnySingleCharacterSubstituted_Fails() =>
        Prop.ForAll(Generators.Substitution(Generators.IdNumber, "0123456789X").ToArbitrary(), t =>
            !IdNumber.Parse(Generators.Replace(t.Code, t.Position, t.Replacement)).IsSuccess);

    [Property(MaxTest = 300)]
    public Property ToString_ThenParse_RoundTrips() =>
        Prop.ForAll(Generators.IdNumber.ToArbitrary(), s =>
        {
            var id = IdNumber.Parse(s.ToLowerInvariant()).Value;
            return IdNumber.Parse(id.ToString()).Value == id;
        });

    [Property(MaxTest = 300)]
    public Property Parse_WhenLegacy15Digits_YieldsValid18() =>
        Prop.ForAll(Generators.LegacyIdNumber.ToArbitrary(), legacy =>
        {
            var id = IdNumber.Parse(legacy).Value;
            var again = IdNumber.Parse(id.ToString());
            var s = id.ToString();
            return id.WasUpgradedFromLegacy && s.Length == 18 && s[..6] == legacy[..6] && s[6..8] == "19"
                && s[8..17] == legacy[6..] && again.IsSuccess && !again.Value.WasUpgradedFromLegacy && again.Value == id;
        });

    [Property(MaxTest = 300)]
    public Property Gender_FollowsParityOfSeventeenthDigit() =>
        Prop.ForAll(Generators.IdNumber.ToArbitrary(), s =>
            IdNumber.Parse(s).Value.Gender == ((s[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female));
}
