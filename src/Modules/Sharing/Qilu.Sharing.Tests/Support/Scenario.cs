using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Identifiers;
using Qilu.Sharing.Data;
using Qilu.Sharing.Grants;

using Shouldly;

namespace Qilu.Sharing.Tests.Support;

/// <summary>
/// Shared test data: 历下区民政局 (lx.official; second approver lx.approver) publishes 历下区人口基础信息 (有条件共享,
/// L4, API + 核验) reviewed by 济南市大数据局 (jn.official), with a person table mounted; 历下区卫生健康局 (lx.health)
/// is the consumer. People live in 历下区 (370102), 市中区 (370103) and 市南区 (370202).
/// </summary>
public sealed class Scenario
{
    public required SharingHost Host { get; init; }
    public required Guid EntryId { get; init; }
    public required Guid ResourceId { get; init; }
    public required UnitInfo Consumer { get; init; }
    public required UnitInfo Provider { get; init; }
    public required IReadOnlyList<(string Id, string Name, string Phone, string Division)> People { get; init; }

    public static readonly string[] AllFields = ["公民身份号码", "姓名", "联系电话", "行政区划代码", "地址"];

    /// <summary>The scenario's entry: its name and its items with their data elements.</summary>
    public const string PersonRegister = "历下区人口基础信息";

    public static readonly (string Name, string Element)[] PersonItems =
        [("公民身份号码", "DE0001"), ("姓名", "DE0002"), ("联系电话", "DE0011"), ("行政区划代码", "DE0009"), ("地址", "DE0010")];

    public static async Task<Scenario> CreateAsync(SharingHost host)
    {
        var lixia = await host.ApiAsync("lx.official");
        var jinan = await host.ApiAsync("jn.official");
        var provider = await host.UnitAsync("civil_affairs", "370102");
        var consumer = await host.UnitAsync("health", "370102");
        await CreateOfficialAsync(host, "lx.approver", provider.Id);

        var entry = await PublishAsync(lixia, jinan, PersonRegister, "Conditional", ["Api", "Verification"], PersonItems);
        var resource = await host.Resources.MountTableAsync(entry, "人口基础信息表", "公民身份号码", "行政区划代码");
        var people = new List<(string, string, string, string)>
        {
            (Id("370102", 19800101, 11), "张三丰", "13812345678", "370102"),
            (Id("370102", 19900215, 23), "李四", "13987654321", "370102"),
            (Id("370103", 19850505, 35), "王五", "13700001111", "370103"),
            (Id("370202", 19770707, 47), "赵六", "13600002222", "370202"),
        };
        await host.Resources.ImportAsync(resource, [.. people.Select(p => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["公民身份号码"] = p.Item1, ["姓名"] = p.Item2, ["联系电话"] = p.Item3, ["行政区划代码"] = p.Item4, ["地址"] = "济南市测试路1号",
        })]);
        return new Scenario { Host = host, EntryId = entry, ResourceId = resource, Consumer = consumer, Provider = provider, People = people };
    }

    /// <summary>A valid 18-digit 公民身份号码 (GB 11643 check character).</summary>
    public static string Id(string division, int birth, int sequence)
    {
        var first17 = $"{division}{birth:D8}{sequence:D3}";
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    public static async Task<Guid> PublishAsync(HttpClient unit, HttpClient bureau, string name, string share, string[] methods, (string Name, string Element)[] items)
    {
        var created = await Ok(await unit.PostAsJsonAsync("/api/catalog/entries", EntryBody(name, share, methods, items)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        await SubmitAndApproveAsync(unit, bureau, id, created.GetProperty("version").GetUInt32());
        return Guid.Parse(id);
    }

    /// <summary>Publishes a new version of entry <paramref name="id"/> (edited by its unit, approved by the bureau).</summary>
    public static async Task RepublishAsync(HttpClient unit, HttpClient bureau, Guid id, string name, string share, string[] methods, (string Name, string Element)[] items)
    {
        var current = await Ok(await unit.GetAsync($"/api/catalog/entries/{id}"));
        var edited = await Ok(await unit.PutAsJsonAsync($"/api/catalog/entries/{id}",
            new { version = current.GetProperty("version").GetUInt32(), entry = EntryBody(name, share, methods, items) }));
        await SubmitAndApproveAsync(unit, bureau, id.ToString(), edited.GetProperty("version").GetUInt32());
    }

    private static async Task SubmitAndApproveAsync(HttpClient unit, HttpClient bureau, string id, uint version)
    {
        var submitted = await Ok(await unit.PostAsJsonAsync($"/api/catalog/entries/{id}/submit", new { version }));
        await Ok(await bureau.PostAsJsonAsync($"/api/catalog/entries/{id}/approve", new { version = submitted.GetProperty("version").GetUInt32(), comment = "同意" }));
    }

    private static object EntryBody(string name, string share, string[] methods, (string Name, string Element)[] items)
    {
        return new
        {
            name, category = "Department", theme = (string?)null, @abstract = $"{name}：共享测试用目录摘要。",
            shareType = share, shareCondition = share == "Conditional" ? "限于履行法定职责所必需" : null,
            legalBasis = share == "Unconditional" ? null : "《中华人民共和国个人信息保护法》第三十四条",
            shareMethods = methods, openType = "NotOpen", format = "Database", updateCycle = "每日", informationSystem = "测试业务系统",
            grading = new { factors = new[] { "领域", "群体" }, impactObject = "个人权益", impactDegree = "一般危害", note = "测试" },
            items = items.Select(i => new { name = i.Name, elementIdentifier = i.Element }).ToArray(),
        };
    }

    private static async Task CreateOfficialAsync(SharingHost host, string userName, Guid unit)
    {
        var admin = await host.ApiAsync("sys.admin");
        await Ok(await admin.PostAsJsonAsync("/api/identity/users", new
        {
            userName, displayName = "钱审批", departmentId = unit, password = "Approver2026abc", roles = new[] { "official", "data_officer" },
        }), HttpStatusCode.Created);
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected) throw new Xunit.Sdk.XunitException($"Expected {(int)expected}, got {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<HttpClient> ApproverAsync() => Host.SignInAsync("lx.approver", "Approver2026abc");

    /// <summary>
    /// Applies as lx.health for <paramref name="entryId"/> (default: the person register) and takes the application
    /// through every stage (济南市大数据局, then 历下区民政局's levels by lx.official and lx.approver); the last approver
    /// sets <paramref name="terms"/>. Returns the grant id.
    /// </summary>
    public async Task<Guid> GrantAsync(string[]? fields = null, object? terms = null, string? rowScope = null, int callsPerDay = 1000, Guid? entryId = null,
        string[]? clientIds = null)
    {
        var health = await Host.ApiAsync("lx.health");
        var app = await Ok(await health.PostAsJsonAsync("/api/sharing/applications", Application(fields ?? AllFields, rowScope, callsPerDay, entryId, clientIds)), HttpStatusCode.Created);
        var id = app.GetProperty("id").GetString();
        HttpClient[] deciders = [await Host.ApiAsync("jn.official"), await Host.ApiAsync("lx.official"), await ApproverAsync()];
        for (var i = 0; app.GetProperty("status").GetString() != "Granted"; i++)
        {
            var last = app.GetProperty("stage").GetInt32() == app.GetProperty("providerLevels").GetInt32() && app.GetProperty("status").GetString() == "ProviderApproval";
            app = await Ok(await deciders[i].PostAsJsonAsync($"/api/sharing/applications/{id}/approve",
                new { version = app.GetProperty("version").GetUInt32(), comment = "同意", terms = last ? terms : null }));
        }
        return Guid.Parse(app.GetProperty("grantId").GetString()!);
    }

    /// <summary>
    /// A copy of grant <paramref name="source"/> (optionally from another <paramref name="provider"/>) whose period ends at <paramref name="until"/> (a grant's period comes
    /// from its application, which must start in the future or today; tests of expiry need one that ends soon or ended).
    /// </summary>
    public Task<Guid> CopyGrantEndingAsync(Guid source, DateTimeOffset until, UnitInfo? provider = null) => Host.RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<SharingDbContext>();
        var g = await db.Grants.AsNoTracking().SingleAsync(x => x.Id == source);
        var copy = new Grant
        {
            ConsumerUnitId = g.ConsumerUnitId, ConsumerName = g.ConsumerName, ConsumerDivision = g.ConsumerDivision, EntryId = g.EntryId, EntryCode = g.EntryCode,
            EntryName = g.EntryName, ProviderUnitId = provider?.Id ?? g.ProviderUnitId, ProviderName = provider?.Name ?? g.ProviderName,
            ProviderDivision = provider?.DivisionCode ?? g.ProviderDivision, Purpose = g.Purpose,
            Fields = g.Fields, Masking = g.Masking, RowScope = g.RowScope, DailyQuota = g.DailyQuota, RatePerSecond = g.RatePerSecond,
            ShareMethods = g.ShareMethods, ValidFrom = DateTimeOffset.UnixEpoch, ValidUntil = until, CreatedAt = DateTimeOffset.UnixEpoch,
        };
        db.Grants.Add(copy);
        await db.SaveChangesAsync();
        return copy.Id;
    });

    /// <summary>The grant's version as its provider lists it (for suspend, resume, revoke).</summary>
    public static async Task<uint> GrantVersionAsync(HttpClient provider, Guid grant) =>
        (await Ok(await provider.GetAsync("/api/sharing/grants?role=provider"))).EnumerateArray()
            .Single(g => g.GetProperty("id").GetString() == grant.ToString()).GetProperty("version").GetUInt32();

    /// <summary>Calls the gateway by key and expects a 403 with <paramref name="code"/>.</summary>
    public static async Task ShouldRefuseKeyAsync(HttpClient system, Guid grant, Guid resource, string key, string code)
    {
        using var refused = await KeyAsync(system, grant, resource, key);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Probe.CodeOfAsync(refused)).ShouldBe(code);
    }

    /// <summary>Calls the gateway and returns the response (caller disposes).</summary>
    public static Task<HttpResponseMessage> KeyAsync(HttpClient system, Guid grant, Guid resource, string key, string? fields = null) =>
        system.GetAsync($"/api/sharing/gateway/{grant}/resources/{resource}/keys/{key}" + (fields is null ? "" : "?fields=" + Uri.EscapeDataString(fields)));

    public object Application(string[] fields, string? rowScope = null, int callsPerDay = 1000, Guid? entryId = null, string[]? clientIds = null) => new
    {
        entryId = entryId ?? EntryId, purpose = "新生儿出生一件事：核对父母身份", legalBasis = "《母婴保健法》第二十三条", scenario = "出生医学证明签发",
        fields, callsPerDay, periodFrom = new DateOnly(2026, 1, 1), periodTo = new DateOnly(2028, 12, 31), rowScope, clientIds,
    };
}
