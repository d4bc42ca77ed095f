namespace Qilu.Cases.Tests;

/// <summary>Valid 公民身份号码 for form data (GB 11643 check character computed here, independently of the validator).</summary>
internal static class People
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string Id(string region, string birth, int sequence)
    {
        var body = $"{region}{birth}{sequence:000}";
        var sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    public static readonly string Mother = Id("370102", "19920508", 122);
    public static readonly string Baby = Id("370102", "20261120", 111);
}
