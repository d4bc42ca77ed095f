using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Qilu.Catalog.Tests.Entries.CatalogApi;

namespace Qilu.Catalog.Tests.Resources;

/// <summary>Calls and test data shared by the resource slice tests.</summary>
internal static class ResourceApi
{
    public static object[] PersonItems =>
    [
        Item("公民身份号码", "DE0001"), Item("姓名", "DE0002"), Item("性别", "DE0003"), Item("联系电话", "DE0011"), Item("行政区划代码", "DE0009"),
    ];

    /// <summary>An 18-digit ID number with a correct GB 11643 check character (ISO 7064 MOD 11-2).</summary>
    public static string IdNumber(string division, string birth, int sequence)
    {
        var body = division + birth + sequence.ToString("000", CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>A published entry of 历下区民政局 with a person table mounted on it (key 公民身份号码, division 行政区划代码).</summary>
    public static async Task<(string EntryId, string ResourceId)> PublishedTableAsync(CatalogHost host, string name, string? divisionField = "行政区划代码")
    {
        var lixia = await host.ApiAsync("lx.official");
        var jinan = await host.ApiAsync("jn.official");
        var entry = await PublishAsync(lixia, jinan, Entry(name, items: PersonItems));
        var resource = await PostAsync(lixia, $"/api/catalog/entries/{Id(entry)}/resources/table",
            new { name = name + "库表", keyField = "公民身份号码", divisionField }, HttpStatusCode.Created);
        return (Id(entry), resource.GetProperty("id").GetString()!);
    }

    public static async Task<JsonElement> ImportAsync(HttpClient api, string resourceId, string content, string format = "csv", bool deleteMissing = false,
        HttpStatusCode expected = HttpStatusCode.OK) =>
        await ImportBytesAsync(api, resourceId, Encoding.UTF8.GetBytes(content), format, deleteMissing, expected);

    public static async Task<JsonElement> ImportBytesAsync(HttpClient api, string resourceId, byte[] content, string format, bool deleteMissing = false,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var body = new ByteArrayContent(content);
        var response = await api.PostAsync($"/api/catalog/resources/{resourceId}/imports?format={format}&fileName=test.{format}&deleteMissing={deleteMissing.ToString().ToLowerInvariant()}", body);
        await ShouldBeAsync(response, expected);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static long Count(JsonElement report, string name) => report.GetProperty(name).GetInt64();
}
