using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Resources;
using Qilu.Platform.Hosting;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.Catalog.Seed;

/// <summary>
/// Demo rows behind published entries (after the demo catalog, Order 300): 历下区民政局 mounts a table on its
/// 最低生活保障对象信息 entry and imports 20 fictitious residents with valid GB 11643 ID numbers, through the same mount
/// and import use cases a data officer uses — so the sharing gateway and the resource pages have real rows — and
/// 济南市民政局 does the same for its open 社会组织登记信息 entry (<see cref="SocialOrganisationsDemo"/>), which the open data
/// demo (Order 400) then publishes with its rows.
/// <c>Qilu:Catalog:DemoResources=false</c> leaves the demo catalog without resources (suites that count them).
/// </summary>
internal sealed class CatalogDemoResourceSeeder : IDemoSeeder
{
    public const string EntryName = "最低生活保障对象信息";
    public const string TableName = "历下区低保对象信息表";
    public const string Division = "370102";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] Given = ["秀英", "建国", "桂兰", "志强", "玉梅", "国华", "淑珍", "海燕", "立新", "春生"];
    private static readonly string[] Streets = ["解放路街道", "千佛山街道", "趵突泉街道", "泉城路街道", "大明湖街道", "文化东路街道", "姚家街道", "智远街道"];

    public int Order => 350;

    public string Name => DemoSeederNames.CatalogResources;

    /// <summary>Mounts on published demo entries.</summary>
    public IReadOnlyCollection<string>? DependsOn => [DemoSeederNames.IdentityProvince, DemoSeederNames.CatalogEntries];

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetRequiredService<IConfiguration>().GetValue("Qilu:Catalog:DemoResources", true) is false) return [];
        await SeedAssistanceAsync(services, ct);
        await SocialOrganisationsDemo.SeedAsync(services, ct);
        return [];
    }

    private static Task SeedAssistanceAsync(IServiceProvider services, CancellationToken ct) =>
        DemoTable.SeedAsync(services, "civil_affairs", Division, EntryName, publishedOnly: false,
            new MountTable.Request(TableName, null, "公民身份号码", null), "低保对象.csv", Csv(), ct);

    /// <summary>The demo residents, deterministic so that a restart recreates the same people.</summary>
    public static IReadOnlyList<(string Id, string Name, string Address)> People() =>
    [
        .. Enumerable.Range(0, 20).Select(i =>
        {
            var birth = new DateOnly(1948, 3, 1).AddDays(i * 1013);
            var body = $"{Division}{birth:yyyyMMdd}{101 + i * 7 % 900:000}";
            var id = body + IdNumber.ComputeCheckCharacter(body);
            var name = Surnames[i % Surnames.Length] + Given[(i * 3 + 1) % Given.Length];
            return (id, name, $"济南市历下区{Streets[i % Streets.Length]}{(i * 13 % 90) + 1}号");
        }),
    ];

    private static string Csv()
    {
        var sb = new StringBuilder("公民身份号码,姓名,家庭住址\n");
        foreach (var (id, name, address) in People()) sb.Append(CultureInfo.InvariantCulture, $"{id},{name},{address}\n");
        return sb.ToString();
    }
}
