using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.SharedKernel.Tests;

public sealed class CreditCodeProperties
{
    [Property(MaxTest = 500)]
    public Property Parse_WhenGeneratedValid_SucceedsAndRoundTrips() =>
        Prop.ForAll(Generators.CreditCode.ToArbitrary(), s =>
        {
            var r = CreditCode.Parse(s.ToLowerInvariant());
            return r.IsSuccess && r.Value.ToString() == s && CreditCode.Parse(r.Value.ToString()).Value == r.Value;
        });

    [Property(MaxTest = 1000)]
    public Property Parse_WhenAnySingleCharacterSubstituted_Fails() =>
        Prop.ForAll(Generators.Substitution(Generators.CreditCode, CreditCode.Alphabet + "IOSVZ").ToArbitrary(), t =>
            !CreditCode.Parse(Generators.Replace(t.Code, t.Position, t.Replacement)).IsSuccess);
}
