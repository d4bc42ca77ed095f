using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Platform.Events;
using Shouldly;
using static Qilu.Catalog.Tests.Entries.CatalogApi;

namespace Qilu.Catalog.Tests.Entries;

/// <summary>
/// The entry lifecycle through HTTP: draft → submitted → approved (published) → new version → withdrawn; rejection
/// with a reason; publication refused by the grading rules naming the field; optimistic concurrency.
/// 历下区民政局 (lx.official) provides, 济南市大数据局 (jn.official) reviews.
/// </summary>
public abstract class LifecycleTestsBase(CatalogFixture fixture)
{
    private CatalogHost Host => fixture.Host;

    [Fact]
    public async Task Approve_WhenSubmittedByUnit_PublishesAndRecordsTheEvent()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var jinan = await Host.ApiAsync("jn.official");
        var created = await CreateAsync(lixia, Entry("历下区低保家庭成员信息"));
        created.GetProperty("working").GetProperty("status").GetString().ShouldBe("Draft");
        created.GetProperty("working").GetProperty("grade").GetString().ShouldBe("L4");
        created.GetProperty("code").GetString()!.ShouldStartWith("370102-3-");

        var submitted = await PostAsync(lixia, $"/api/catalog/entries/{Id(created)}/submit", new { version = Version(created) });
        submitted.GetProperty("working").GetProperty("status").GetString().ShouldBe("Submitted");
        var inbox = await GetAsync(jinan, "/api/catalog/review?size=200");
        inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldContain(Id(created));

        var approved = await PostAsync(jinan, $"/api/catalog/entries/{Id(created)}/approve", new { version = Version(submitted), comment = "同意发布" });
        approved.GetProperty("published").GetProperty("status").GetString().ShouldBe("Published");
        approved.GetProperty("published").GetProperty("publishedAt").ValueKind.ShouldBe(JsonValueKind.String);
        approved.GetProperty("working").ValueKind.ShouldBe(JsonValueKind.Null);

        // Another city's official finds it: published entries are visible province-wide.
        var qingdao = await Host.ApiAsync("qd.official");
        var seen = await GetAsync(qingdao, $"/api/catalog/entries/{Id(created)}");
        seen.GetProperty("published").GetProperty("name").GetString().ShouldBe("历下区低保家庭成员信息");
        seen.GetProperty("working").ValueKind.ShouldBe(JsonValueKind.Null);

        using var scope = Host.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<ICatalogDirectory>();
        var info = await directory.FindPublishedEntryAsync(Guid.Parse(Id(created)));
        info.ShouldNotBeNull();
        info.Grade.ShouldBe(DataGrade.L4);
        info.Items.Single(i => i.ElementIdentifier == "DE0001").Masking.ShouldBe(MaskingRule.Partial);
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        (await db.ReadOutboxAsync(typeof(CatalogEntryPublished))).Select(o => o.Payload)
            .ShouldContain(p => p.Contains(Id(created), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_WhenPublished_OpensNewDraftVersionWhileReadersKeepThePublishedOne()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var jinan = await Host.ApiAsync("jn.official");
        var published = await PublishAsync(lixia, jinan, Entry("历下区养老服务对象信息"));
        var edited = await lixia.PutAsJsonAsync($"/api/catalog/entries/{Id(published)}",
            new { version = Version(published), entry = Entry("历下区养老服务对象信息（第二版）") });
        await ShouldBeAsync(edited, HttpStatusCode.OK);
        var draft = await edited.Content.ReadFromJsonAsync<JsonElement>();
        draft.GetProperty("working").GetProperty("number").GetInt32().ShouldBe(2);
        draft.GetProperty("published").GetProperty("number").GetInt32().ShouldBe(1);

        var reader = await GetAsync(await Host.ApiAsync("sn.official"), $"/api/catalog/entries/{Id(published)}");
        reader.GetProperty("published").GetProperty("name").GetString().ShouldBe("历下区养老服务对象信息");
        reader.GetProperty("working").ValueKind.ShouldBe(JsonValueKind.Null);

        var submitted = await PostAsync(lixia, $"/api/catalog/entries/{Id(published)}/submit", new { version = Version(draft) });
        var approved = await PostAsync(jinan, $"/api/catalog/entries/{Id(published)}/approve", new { version = Version(submitted) });
        approved.GetProperty("published").GetProperty("number").GetInt32().ShouldBe(2);
        approved.GetProperty("published").GetProperty("name").GetString().ShouldBe("历下区养老服务对象信息（第二版）");

        var withdrawn = await PostAsync(lixia, $"/api/catalog/entries/{Id(published)}/withdraw", new { version = Version(approved), reason = "数据源停止维护" });
        withdrawn.GetProperty("withdrawn").GetBoolean().ShouldBeTrue();
        withdrawn.GetProperty("published").ValueKind.ShouldBe(JsonValueKind.Null);
        await GetAsync(await Host.ApiAsync("sn.official"), $"/api/catalog/entries/{Id(published)}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Submit_WhenFieldGradeForbidsUnconditionalSharing_Answers400NamingTheField()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var created = await CreateAsync(lixia, Entry("历下区居民名册", share: "Unconditional", open: "Unconditional",
            items: [Item("单位名称", "DE0007"), Item("身份证号", "DE0001")]));
        created.GetProperty("working").GetProperty("gradeDrivenBy").GetString().ShouldBe("items[1].grade");
        var refused = await PostAsync(lixia, $"/api/catalog/entries/{Id(created)}/submit", new { version = Version(created) }, HttpStatusCode.BadRequest);
        ShouldHaveError(refused, "items[1].grade", "grading.share_type_forbidden");
        ShouldHaveError(refused, "items[1].grade", "grading.open_type_forbidden");
        Errors(refused).First().Message.ShouldContain("身份证号");
    }

    [Fact]
    public async Task Submit_WhenImpactAnalysisRaisesToCore_RefusesConditionalSharingNamingTheImpact()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var created = await CreateAsync(lixia, Entry("历下区重点目标清单", items: [Item("单位名称", "DE0007")],
            impactObject: "国家安全", impactDegree: "严重危害"));
        created.GetProperty("working").GetProperty("grade").GetString().ShouldBe("Core");
        var refused = await PostAsync(lixia, $"/api/catalog/entries/{Id(created)}/submit", new { version = Version(created) }, HttpStatusCode.BadRequest);
        ShouldHaveError(refused, "grading.impactDegree", "grading.share_type_forbidden");
    }

    [Fact]
    public async Task Create_WhenItemGradedBelowElementOrWithoutLegalBasis_Answers400PerField()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var body = Entry("历下区测试", items: [Item("身份证号", "DE0001", "L1"), Item("未知", "XX9999")]);
        var json = JsonSerializer.SerializeToElement(body);
        var dict = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        dict["legalBasis"] = JsonSerializer.SerializeToElement((string?)null);
        var problem = await PostAsync(lixia, "/api/catalog/entries", dict, HttpStatusCode.BadRequest);
        ShouldHaveError(problem, "items[0].grade", "grading.below_element");
        ShouldHaveError(problem, "items[1].elementIdentifier", "items.element_unknown");
        ShouldHaveError(problem, "legalBasis", "legal_basis.required");
    }

    [Fact]
    public async Task Reject_RequiresReasonAndReturnsEntryToTheUnit()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var jinan = await Host.ApiAsync("jn.official");
        var created = await CreateAsync(lixia, Entry("历下区殡葬服务信息"));
        var submitted = await PostAsync(lixia, $"/api/catalog/entries/{Id(created)}/submit", new { version = Version(created) });
        var noReason = await PostAsync(jinan, $"/api/catalog/entries/{Id(created)}/reject", new { version = Version(submitted), reason = " " }, HttpStatusCode.BadRequest);
        ShouldHaveError(noReason, "reason", "review.reason_required");
        var rejected = await PostAsync(jinan, $"/api/catalog/entries/{Id(created)}/reject", new { version = Version(submitted), reason = "摘要过于简单" });
        rejected.GetProperty("working").GetProperty("status").GetString().ShouldBe("Rejected");
        rejected.GetProperty("working").GetProperty("reviewComment").GetString().ShouldBe("摘要过于简单");

        var again = await PostAsync(lixia, $"/api/catalog/entries/{Id(created)}/submit", new { version = Version(rejected) });
        again.GetProperty("working").GetProperty("status").GetString().ShouldBe("Submitted");
    }

    [Fact]
    public async Task Update_WithStaleVersion_Answers409()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var created = await CreateAsync(lixia, Entry("历下区并发测试"));
        var first = await lixia.PutAsJsonAsync($"/api/catalog/entries/{Id(created)}", new { version = Version(created), entry = Entry("历下区并发测试A") });
        await ShouldBeAsync(first, HttpStatusCode.OK);
        var second = await lixia.PutAsJsonAsync($"/api/catalog/entries/{Id(created)}", new { version = Version(created), entry = Entry("历下区并发测试B") });
        await ShouldBeAsync(second, HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("concurrency.stale");
    }

    [Fact]
    public async Task Update_WhileUnderReview_Answers409()
    {
        var lixia = await Host.ApiAsync("lx.official");
        var created = await CreateAsync(lixia, Entry("历下区审核中测试"));
        var submitted = await PostAsync(lixia, $"/api/catalog/entries/{Id(created)}/submit", new { version = Version(created) });
        var edit = await lixia.PutAsJsonAsync($"/api/catalog/entries/{Id(created)}", new { version = Version(submitted), entry = Entry("改") });
        await ShouldBeAsync(edit, HttpStatusCode.Conflict);
    }
}

[Collection("catalog-sqlite")]
public sealed class LifecycleTests(CatalogHostFixture fixture) : LifecycleTestsBase(fixture), IClassFixture<CatalogHostFixture>;

[Collection("catalog-postgres")]
public sealed class PostgresLifecycleTests(CatalogPostgresFixture fixture) : LifecycleTestsBase(fixture), IClassFixture<CatalogPostgresFixture>;
