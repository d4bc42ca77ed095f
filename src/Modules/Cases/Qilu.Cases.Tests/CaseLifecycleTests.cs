using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Cases.Handling;
using Qilu.SharedKernel.Actors;
using Qilu.Workflow.Contracts;
using System.Net;
using Shouldly;

namespace Qilu.Cases.Tests;

/// <summary>A single matter's case over HTTP: validation, idempotency, the lifecycle to delivery, correction, withdrawal, races.</summary>
public sealed class CaseLifecycleTests(CasesHost host) : IClassFixture<CasesHost>
{
    private static object CompanyForm(Guid? file, string idNumber = "", bool consent = true) => new
    {
        matterCode = "370100201000",
        form = new Dictionary<string, object?> { ["company_name"] = "济南齐鲁测试科技有限公司", ["capital"] = 100, ["applicant_id"] = idNumber.Length > 0 ? idNumber : null },
        materials = file is null ? Array.Empty<object>() : [new { key = "name:公司章程", fileId = file }],
        consent,
    };

    [Fact]
    public async Task Apply_WithSameIdempotencyKeyTwice_CreatesOneCase()
    {
        using var citizen = await host.CitizenAsync("张三");
        var file = await citizen.UploadAsync(Api.Pdf("章程"), "章程.pdf");
        var first = await citizen.ApplyAsync(CompanyForm(file), "key-1").OkAsync(HttpStatusCode.Created);
        var second = await citizen.ApplyAsync(CompanyForm(file), "key-1").OkAsync();
        second.Id().ShouldBe(first.Id());
        var mine = await citizen.GetAsync("/api/cases/mine").OkAsync();
        mine.EnumerateArray().Count(c => c.GetProperty("id").GetGuid() == first.Id()).ShouldBe(1);
    }

    [Fact]
    public async Task Apply_WithBadFieldsAndMissingMaterial_ListsEveryErrorInChineseAndEnglish()
    {
        using var citizen = await host.CitizenAsync("张三");
        var problem = await citizen.ApplyAsync(new
        {
            matterCode = "370100201000",
            form = new Dictionary<string, object?> { ["company_name"] = "", ["capital"] = "abc", ["applicant_id"] = "370102199205081230", ["phone"] = "123" },
            materials = Array.Empty<object>(),
            consent = false,
        }).OkAsync(HttpStatusCode.BadRequest);
        var fields = problem.Fields();
        fields.ShouldContain("form.company_name");
        fields.ShouldContain("form.capital");
        fields.ShouldContain("form.applicant_id");
        fields.ShouldContain("form.phone");
        fields.ShouldContain("materials.name:公司章程");
        problem.Codes().ShouldContain("material.missing");
        var missing = problem.GetProperty("errors").EnumerateArray().First(e => e.GetProperty("code").GetString() == "material.missing");
        missing.GetProperty("message").GetString()!.ShouldContain("公司章程");
        missing.GetProperty("messageEn").GetString()!.ShouldContain("公司章程");
    }

    [Fact]
    public async Task Apply_ForMatterNotOfferedInApplicantsDivision_IsRefused()
    {
        using var citizen = await host.CitizenAsync("张三");
        var problem = await citizen.ApplyAsync(new { matterCode = "370200999000", form = new { }, consent = true }).OkAsync(HttpStatusCode.BadRequest);
        problem.Codes().ShouldContain("matter.not_offered");
    }

    [Fact]
    public async Task LicenceCase_ThroughEveryStage_IsDeliveredAndPublishesTheLicenceEvent()
    {
        using var citizen = await host.CitizenAsync("张三");
        using var officer = await host.OfficialAsync("lx.market1", "market");
        var file = await citizen.UploadAsync(Api.Pdf("章程-全流程"), "章程.pdf");
        var created = await citizen.ApplyAsync(CompanyForm(file)).OkAsync(HttpStatusCode.Created);
        var id = created.Id();
        created.Status().ShouldBe("submitted");
        created.GetProperty("case").GetProperty("unitName").GetString()!.ShouldContain("市场监督管理局");
        created.GetProperty("fieldsPrefilled").GetInt32().ShouldBeGreaterThanOrEqualTo(2);

        var inbox = await officer.GetAsync("/api/cases/inbox?view=unit").OkAsync();
        inbox.EnumerateArray().ShouldContain(i => i.GetProperty("case").GetProperty("id").GetGuid() == id);

        (await officer.ActAsync(id, "accept", new { comment = "材料齐全" }).OkAsync()).Status().ShouldBe("under_review");
        (await officer.ActAsync(id, "pass").OkAsync()).Status().ShouldBe("deciding");
        var decided = await officer.ActAsync(id, "approve").OkAsync();
        decided.Status().ShouldBe("concluded");
        (await citizen.ActAsync(id, "withdraw").OkAsync(HttpStatusCode.Conflict)).Codes().ShouldContain("cases.action_not_allowed");
        (await officer.ActAsync(id, "deliver").OkAsync()).Status().ShouldBe("delivered");

        var progress = await citizen.GetAsync($"/api/cases/{id}").OkAsync();
        progress.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["submitted", "accept", "pass", "approve", "deliver"]);
        var log = await host.DrainOutboxAsync();
        var licence = log.Licences.Single(l => l.CaseId == id);
        licence.CertificateTypeCode.ShouldBe(Qilu.Trust.Contracts.CertificateTypeCodes.BusinessLicence);
        licence.HolderName.ShouldBe("济南齐鲁测试科技有限公司");
        licence.IssuingUnitName.ShouldContain("市场监督管理局");
    }

    [Fact]
    public async Task Accept_WhenTwoOfficialsActAtOnce_OneWinsAndTheOtherGets409WithAllowedActions()
    {
        using var citizen = await host.CitizenAsync("张三");
        using var a = await host.OfficialAsync("lx.market2", "market");
        using var b = await host.OfficialAsync("lx.market3", "market");
        var file = await citizen.UploadAsync(Api.Pdf("章程-并发"), "章程.pdf");
        var id = (await citizen.ApplyAsync(CompanyForm(file)).OkAsync(HttpStatusCode.Created)).Id();
        var results = await Task.WhenAll(a.ActAsync(id, "accept"), b.ActAsync(id, "refuse", new { reason = "不符合条件" }));
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        var loser = results.Single(r => r.StatusCode != HttpStatusCode.OK);
        loser.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await loser.JsonAsync()).Codes().ShouldContain("cases.action_not_allowed");
    }

    [Fact]
    public async Task RequestCorrection_StopsTheClockUntilTheApplicantAnswers()
    {
        using var citizen = await host.CitizenAsync("张三");
        using var officer = await host.OfficialAsync("lx.market4", "market");
        var file = await citizen.UploadAsync(Api.Pdf("章程-补正"), "章程.pdf");
        var created = await citizen.ApplyAsync(CompanyForm(file)).OkAsync(HttpStatusCode.Created);
        var id = created.Id();
        var due = created.GetProperty("case").GetProperty("dueAt").GetDateTimeOffset();
        (await officer.ActAsync(id, "request-correction").OkAsync(HttpStatusCode.BadRequest)).Codes().ShouldContain("reason.required");
        var suspended = await officer.ActAsync(id, "request-correction", new { reason = "公司章程缺少股东签字页" }).OkAsync();
        suspended.Status().ShouldBe("correction_requested");
        (await officer.ActAsync(id, "accept").OkAsync(HttpStatusCode.Conflict)).Codes().ShouldContain("cases.action_not_allowed");

        // Forty minutes of working time (Monday morning) waiting for the applicant. A jump of days under the fake clock
        // stalls the host (see the report), so the step is short and the answer goes through the use case the portal calls.
        host.Clock.Advance(TimeSpan.FromMinutes(40));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<CasesDbContext>();
            var applicant = (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id)).ApplicantId;
            var actor = new Actor(ActorKind.Citizen, applicant, "张三", null, null, new HashSet<string> { "citizen" },
                new HashSet<string> { CasesPermissions.Apply }, RealNameLevel.Verified);
            var answered = await CaseActions.HandleAsync(actor, id, CaseActions.AnswerCorrection, new CaseActions.Request("已补签字页", null, null), db,
                sp.GetRequiredService<IWorkflowEngine>(), sp.GetRequiredService<CaseLifecycle>(), CancellationToken.None);
            answered.IsSuccess.ShouldBeTrue(answered.ToString());
            var after = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
            after.Status.ShouldBe(CaseStatus.Submitted);
            after.DueAt!.Value.ShouldBe(due.AddMinutes(40));
        }
    }

    [Fact]
    public async Task Withdraw_BeforeDecision_EndsTheCaseAndItsTasks()
    {
        using var citizen = await host.CitizenAsync("张三");
        using var officer = await host.OfficialAsync("lx.market5", "market");
        var file = await citizen.UploadAsync(Api.Pdf("章程-撤回"), "章程.pdf");
        var id = (await citizen.ApplyAsync(CompanyForm(file)).OkAsync(HttpStatusCode.Created)).Id();
        (await officer.ActAsync(id, "accept").OkAsync()).Status().ShouldBe("under_review");
        (await citizen.ActAsync(id, "withdraw", new { reason = "不再需要" }).OkAsync()).Status().ShouldBe("withdrawn");
        var conflict = await officer.ActAsync(id, "pass").OkAsync(HttpStatusCode.Conflict);
        conflict.Codes().ShouldContain("cases.action_not_allowed");
    }

    [Fact]
    public async Task Read_AcrossUnitsAndDivisions_FollowsTheScopeMatrix()
    {
        using var citizen = await host.CitizenAsync("张三");
        var file = await citizen.UploadAsync(Api.Pdf("章程-范围"), "章程.pdf");
        var id = (await citizen.ApplyAsync(CompanyForm(file)).OkAsync(HttpStatusCode.Created)).Id();
        var expectations = new (Func<Task<HttpClient>> Client, HttpStatusCode Status, string Who)[]
        {
            (() => host.OfficialAsync("lx.market6", "market"), HttpStatusCode.OK, "历下区市场监管局"),
            (() => host.OfficialAsync("lx.health9", "health"), HttpStatusCode.NotFound, "历下区卫健委（其他部门）"),
            (() => host.OfficialAsync("sn.market1", "market", "370202"), HttpStatusCode.NotFound, "市南区市场监管局"),
            (() => host.CitizenAsync("李四"), HttpStatusCode.NotFound, "其他申请人"),
            (() => host.Bearer(host.TokenAsync("jn.official", Qilu.Testing.QiluFactory.DemoSecret(host.DataDirectory, "jn.official")).Result) is var c ? Task.FromResult(c) : null!, HttpStatusCode.OK, "济南市（督办）"),
            (() => host.Bearer(host.TokenAsync("sn.official", Qilu.Testing.QiluFactory.DemoSecret(host.DataDirectory, "sn.official")).Result) is var c ? Task.FromResult(c) : null!, HttpStatusCode.NotFound, "市南区（督办）"),
        };
        foreach (var (client, status, who) in expectations)
        {
            using var api = await client();
            var r = await api.GetAsync($"/api/cases/{id}");
            r.StatusCode.ShouldBe(status, who);
        }
    }

    [Fact]
    public async Task Upload_OfAFileThatIsNotWhatItClaims_IsRefused()
    {
        using var citizen = await host.CitizenAsync("张三");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("MZ\x90\0 this is an executable"u8.ToArray()), "file", "章程.pdf");
        var r = await citizen.PostAsync("/api/cases/library", form);
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.JsonAsync()).Codes().ShouldContain("file.type");
        using var truncated = new MultipartFormDataContent();
        truncated.Add(new ByteArrayContent("%PDF-1.4 no trailer"u8.ToArray()), "file", "a.pdf");
        (await (await citizen.PostAsync("/api/cases/library", truncated)).JsonAsync()).Codes().ShouldContain("file.truncated");
    }
}
