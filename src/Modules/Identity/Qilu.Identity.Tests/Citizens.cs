using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Identity.Seed;

namespace Qilu.Identity.Tests;

/// <summary>Fresh citizens for tests that must not disturb the demo accounts: unique valid ID numbers and registration.</summary>
internal static class Citizens
{
    private static int _sequence = 600;

    /// <summary>A valid, never-used 18-digit ID number (黄岛区, a different birth date and sequence each call).</summary>
    public static string NewIdNumber()
    {
        var n = Interlocked.Increment(ref _sequence);
        return DemoProvinceSeeder.MakeId("370211", new DateOnly(1990, 1, 1).AddDays(n), n % 1000);
    }

    /// <summary>A phone number unique to the ID number (the last digits follow it).</summary>
    public static string PhoneFor(string idNumber) => "139" + idNumber[6..14][^8..];

    public const string Password = "Qilu-Citizen-2026";

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string idNumber, string name = "韩梅") =>
        client.PostAsJsonAsync("/api/identity/register", new { name, idNumber, phone = PhoneFor(idNumber), password = Password });

    /// <summary>Registers a citizen and returns the new account's id.</summary>
    public static async Task<(string IdNumber, Guid AccountId)> RegisterNewAsync(IdentityHost host, string name = "韩梅")
    {
        var idNumber = NewIdNumber();
        using var client = host.CreateClient();
        var response = await RegisterAsync(client, idNumber, name);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new Xunit.Sdk.XunitException($"Registration answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (idNumber, json.GetProperty("id").GetGuid());
    }

    public static string Masked(string idNumber) => idNumber[..4] + new string('*', 10) + idNumber[^4..];
}
