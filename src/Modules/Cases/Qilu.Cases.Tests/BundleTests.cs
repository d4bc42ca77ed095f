using System.Net;
using System.Text.Json;
using Qilu.Trust.Contracts;
using Shouldly;

namespace Qilu.Cases.Tests;

/// <summary>新生儿出生一件事 over HTTP: one submission, four departments in parallel, the parent joining their statuses.</summary>
public sealed class BundleTests(CasesHost host) : IClassFixture<CasesHost>
{
    private static readonly string[] Kinds = ["health", "public_security", "medical_insurance", "hrss"];

    private static async Task<JsonElement> ApplyAsync(HttpClient citizen, string tag)
    {
        var photo = await citizen.UploadAsync(Png(tag), "photo.png");
        return await citizen.ApplyAsync(new
        {
            bundleCode = "newborn",
            form = new Dictionary<string, object?>
            {
                ["母亲姓名"] = "王芳", ["母亲公民身份号码"] = People.Mother, ["新生儿姓名"] = "张小宝", ["性别"] = "男", ["出生日期"] = "2026-11-20",
                ["落户随从"] = "随父", ["371100104000_mail"] = true, ["邮寄地址"] = "济南市历下区泉城路1号",
            },
            materials = new[] { new { key = "name:近期免冠证件照片", fileId = photo } },
            consent = true,
        }).OkAsync(HttpStatusCode.Created);
    }

    private static byte[] Png(string tag)
    {
        byte[] head = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        byte[] tail = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
        return [.. head, .. System.Text.Encoding.UTF8.GetBytes(tag), .. tail];
    }

    private static async Task CompleteAsync(Guid child, HttpClient officer, params string[] actions)
    {
        foreach (var a in actions) await officer.ActAsync(child, a, a is "refuse" or "deny" ? new { reason = "未在本省落户，不符合条件" } : null).OkAsync();
    }

    [Fact]
    public async Task Newborn_AcrossFourDepartments_IsDeliveredAndPublishesTheCertificates()
    {
        using var citizen = await host.CitizenAsync("张三");
        var parent = await ApplyAsync(citizen, "full");
        var id = parent.Id();
        var children = parent.GetProperty("subCases").EnumerateArray().ToList();
        children.Count.ShouldBe(4);
        children.Select(c => c.GetProperty("unitName").GetString()).Distinct().Count().ShouldBe(4);
        parent.GetProperty("materialsExempted").GetInt32().ShouldBe(4);
        parent.GetProperty("case").GetProperty("dueAt").GetDateTimeOffset()
            .ShouldBe(children.Max(c => c.GetProperty("dueAt").GetDateTimeOffset()));

        foreach (var kind in Kinds)
        {
            using var officer = await host.OfficialAsync($"lx.{kind.Replace('_', '-')}1", kind);
            var inbox = await officer.GetAsync("/api/cases/inbox").OkAsync();
            var mine = inbox.EnumerateArray().Select(i => i.GetProperty("case")).Single(c => c.GetProperty("number").GetString()!.StartsWith(parent.GetProperty("case").GetProperty("number").GetString()!, StringComparison.Ordinal));
            await CompleteAsync(mine.GetProperty("id").GetGuid(), officer, "accept", "pass", "approve", "deliver");
        }

        var done = await citizen.GetAsync($"/api/cases/{id}").OkAsync();
        done.Status().ShouldBe("delivered");
        var log = await host.DrainOutboxAsync();
        var numbers = done.GetProperty("subCases").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToHashSet();
        var licences = log.Licences.Where(l => numbers.Contains(l.CaseId)).ToList();
        licences.Select(l => l.CertificateTypeCode).Order().ShouldBe(new[] { CertificateTypeCodes.BirthCertificate, CertificateTypeCodes.HouseholdRegister, CertificateTypeCodes.SocialSecurityCard }.Order());
        var birth = licences.Single(l => l.CertificateTypeCode == CertificateTypeCodes.BirthCertificate);
        birth.HolderName.ShouldBe("张小宝");
        birth.IssuingUnitName.ShouldContain("卫生健康");
    }

    [Fact]
    public async Task Newborn_WhenOneDepartmentRefuses_ParentIsPartiallyConcludedAndExplainsWhy()
    {
        using var citizen = await host.CitizenAsync("张三");
        var parent = await ApplyAsync(citizen, "partial");
        var id = parent.Id();
        foreach (var kind in Kinds)
        {
            using var officer = await host.OfficialAsync($"lx.{kind.Replace('_', '-')}2", kind);
            var child = parent.GetProperty("subCases").EnumerateArray().Single(c => (c.GetProperty("unitName").GetString() ?? "").Length > 0 &&
                (kind == "public_security" ? c.GetProperty("matterCode").GetString() == "370700102000"
                : kind == "health" ? c.GetProperty("matterCode").GetString() == "371100101000"
                : kind == "medical_insurance" ? c.GetProperty("matterCode").GetString() == "371100103000"
                : c.GetProperty("matterCode").GetString() == "371100104000"));
            if (kind == "public_security") await CompleteAsync(child.GetProperty("id").GetGuid(), officer, "refuse");
            else await CompleteAsync(child.GetProperty("id").GetGuid(), officer, "accept", "pass", "approve", "deliver");
        }
        var done = await citizen.GetAsync($"/api/cases/{id}").OkAsync();
        done.Status().ShouldBe("partially_concluded");
        var explanation = done.GetProperty("explanation").GetString()!;
        explanation.ShouldContain("户口登记");
        explanation.ShouldContain("未在本省落户");
    }
}
