using System.Globalization;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.OpenData.Tests;

/// <summary>Valid fictitious identifiers: Catalog validates imported rows against their data elements (GB 32100 check
/// characters included), so test rows must carry real-form codes.</summary>
internal static class TestCodes
{
    /// <summary>A unified social credit code: <paramref name="head"/> is authority, type and 6-digit division (e.g.
    /// <c>51370102</c>); <paramref name="n"/> numbers the organisation.</summary>
    public static string Credit(string head, int n)
    {
        var body = "MJD" + n.ToString("00000", CultureInfo.InvariantCulture);
        var first17 = head + body + CreditCode.ComputeOrganizationCheckCharacter(body);
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }
}
