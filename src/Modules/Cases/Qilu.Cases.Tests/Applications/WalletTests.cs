using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Cases.Tests.Offers;
using Qilu.Trust.Contracts;
using Shouldly;

namespace Qilu.Cases.Tests.Applications;

/// <summary>
/// 免证 and 免填 against the applicant's own wallet, over HTTP on the real catalog and the real Trust module: a valid
/// 不动产权证书 fills the form's 不动产权证书号 and 坐落 and stands in for the material (recorded by its 证照标识); a
/// type the applicant holds none of is marked for the unit to verify; once the certificate is suspended it no longer
/// stands in, the application names the material, and an upload replaces it.
/// </summary>
public sealed class WalletTests(RealCatalogHost host) : IClassFixture<RealCatalogHost>
{
    private const string Matter = "370700401000";
    private static readonly string PropertyKey = "cert:" + CertificateTypeCodes.RealPropertyCertificate;
    private static readonly string IdCardKey = "cert:" + CertificateTypeCodes.ResidentIdCard;
    private const string CertificateNumber = "鲁（2024）济南市不动产权第0123456号";
    private const string Location = "济南市历下区泉城路1号3单元502室";

    [Fact]
    public async Task Application_WhenTheApplicantHoldsTheCertificate_PrefillsAndExemptsUntilItIsSuspended()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bureau = await host.OfficialAsync("lx.wallet.land1", "natural_resources");
        var issued = await bureau.PostAsJsonAsync("/api/trust/certificates", new
        {
            typeCode = CertificateTypeCodes.RealPropertyCertificate, holderName = "张三", holderIdentifier = OfferFlows.ParentId,
            fields = new Dictionary<string, string>
            {
                ["certificateNumber"] = CertificateNumber, ["unitNumber"] = "370102001001GB00001F00010001", ["location"] = Location,
                ["rightType"] = "国有建设用地使用权/房屋所有权", ["use"] = "城镇住宅用地/住宅", ["area"] = "89.5平方米",
            },
        }, ct).OkAsync(HttpStatusCode.Created);
        var licenceId = issued.GetProperty("licenceId").GetString()!;

        using var citizen = await host.CitizenAsync("张三");
        var form = await citizen.GetAsync($"/api/cases/application-form?matterCode={Matter}", ct).OkAsync();
        var field = Field(form, "property_cert");
        field.GetProperty("value").GetString().ShouldBe(CertificateNumber);
        field.GetProperty("source").GetString().ShouldBe("certificate");
        Field(form, "location").GetProperty("value").GetString().ShouldBe(Location);
        var property = Material(form, PropertyKey);
        property.GetProperty("wallet").GetString().ShouldBe("held");
        property.GetProperty("licenceId").GetString().ShouldBe(licenceId);
        property.GetProperty("needsUpload").GetBoolean().ShouldBeFalse();
        Material(form, IdCardKey).GetProperty("wallet").GetString().ShouldBe("not_held");

        // The applicant types neither the certificate number nor the address: the wallet supplies both.
        var contract = await citizen.UploadAsync(Api.Pdf("买卖合同"), "contract.pdf");
        var created = await citizen.ApplyAsync(Application(contract, withPropertyUpload: null), "wallet-1").OkAsync(HttpStatusCode.Created);
        created.GetProperty("form").GetProperty("property_cert").GetString().ShouldBe(CertificateNumber);
        var sources = created.GetProperty("sources").GetProperty("fields");
        sources.GetProperty("property_cert").GetProperty("source").GetString().ShouldBe("certificate");
        sources.GetProperty("property_cert").GetProperty("certificate").GetProperty("licenceId").GetString().ShouldBe(licenceId);
        var materials = created.GetProperty("materials").EnumerateArray().ToList();
        var fetched = materials.Single(m => m.GetProperty("key").GetString() == PropertyKey);
        fetched.GetProperty("certificate").GetProperty("licenceId").GetString().ShouldBe(licenceId);
        fetched.GetProperty("certificate").GetProperty("status").GetString().ShouldBe("valid");
        materials.Single(m => m.GetProperty("key").GetString() == IdCardKey).GetProperty("verify").GetBoolean().ShouldBeTrue();

        // Suspended by the issuer: the certificate no longer stands in for the material.
        await bureau.PostAsJsonAsync($"/api/trust/certificates/{issued.GetProperty("id").GetGuid()}/suspend", new { reason = "查封登记" }, ct).OkAsync();
        var after = await citizen.GetAsync($"/api/cases/application-form?matterCode={Matter}", ct).OkAsync();
        Material(after, PropertyKey).GetProperty("wallet").GetString().ShouldBe("unusable");
        Material(after, PropertyKey).GetProperty("needsUpload").GetBoolean().ShouldBeTrue();
        Field(after, "property_cert").GetProperty("source").GetString().ShouldBe("applicant");

        var refused = await citizen.ApplyAsync(Application(contract, withPropertyUpload: null, typed: true), "wallet-2");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.JsonAsync();
        problem.Codes().ShouldContain("material.certificate_unusable");
        problem.Fields().ShouldContain("materials." + PropertyKey);

        var scan = await citizen.UploadAsync(Api.Pdf("不动产权证书扫描件"), "property.pdf");
        var replaced = await citizen.ApplyAsync(Application(contract, withPropertyUpload: scan, typed: true), "wallet-3").OkAsync(HttpStatusCode.Created);
        var uploaded = replaced.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("key").GetString() == PropertyKey);
        uploaded.GetProperty("fileId").GetGuid().ShouldBe(scan);
        uploaded.GetProperty("provided").GetString()!.ShouldContain("已中止");
    }

    private static object Application(Guid contract, Guid? withPropertyUpload, bool typed = false)
    {
        var form = new Dictionary<string, object?>
        {
            ["seller_id"] = OfferFlows.ParentId, ["buyer_id"] = People.Mother, ["buyer_name"] = "赵六", ["area"] = 89.5, ["price"] = 1_250_000,
        };
        if (typed)
        {
            form["property_cert"] = CertificateNumber;
            form["location"] = Location;
        }
        var materials = new List<object> { new { key = "name:不动产买卖合同", fileId = contract } };
        if (withPropertyUpload is { } scan) materials.Add(new { key = PropertyKey, fileId = scan });
        return new { matterCode = Matter, form, materials, consent = true };
    }

    private static JsonElement Field(JsonElement form, string key) =>
        form.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key);

    private static JsonElement Material(JsonElement form, string key) =>
        form.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("key").GetString() == key);
}
