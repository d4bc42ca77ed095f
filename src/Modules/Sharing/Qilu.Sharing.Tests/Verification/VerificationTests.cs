using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Sharing.Tests.Support;
using Shouldly;
using static Qilu.Sharing.Tests.Support.Scenario;

namespace Qilu.Sharing.Tests.Verification;

/// <summary>核验: signed yes/no answers that never release the data, checked by the public verify endpoint; tampering fails.</summary>
public abstract class VerificationTestsBase(SharingFixture fixture)
{
    [Fact]
    public async Task VerifyNameId_AnswersSignedYesOrNo_WithoutReleasingData()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["姓名"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-verify");
        var (id, name, _, _) = s.People[0];

        var yes = await Ok(await system.PostAsJsonAsync($"/api/sharing/gateway/{grant}/verify/name-id", new { idNumber = id, name }));
        yes.GetProperty("answer").GetBoolean().ShouldBeTrue();
        yes.GetProperty("grantId").GetString().ShouldBe(grant.ToString());
        var statement = JsonDocument.Parse(yes.GetProperty("statement").GetString()!).RootElement;
        statement.GetProperty("answer").GetBoolean().ShouldBeTrue();
        statement.GetProperty("grant").GetString().ShouldBe(grant.ToString());
        statement.GetProperty("kind").GetString().ShouldBe("name-id");
        yes.GetRawText().ShouldNotContain(id);

        var no = await Ok(await system.PostAsJsonAsync($"/api/sharing/gateway/{grant}/verify/name-id", new { idNumber = id, name = "张三" }));
        no.GetProperty("answer").GetBoolean().ShouldBeFalse();

        var anonymous = s.Host.CreateClient();
        var check = await Ok(await anonymous.PostAsJsonAsync("/api/sharing/verifications/check", new
        {
            statement = yes.GetProperty("statement").GetString(), signature = yes.GetProperty("signature").GetString(), keyId = yes.GetProperty("keyId").GetString(),
        }));
        check.GetProperty("valid").GetBoolean().ShouldBeTrue();
        var forged = yes.GetProperty("statement").GetString()!.Replace("\"answer\":true", "\"answer\":false", StringComparison.Ordinal);
        var tampered = await Ok(await anonymous.PostAsJsonAsync("/api/sharing/verifications/check", new
        {
            statement = forged, signature = yes.GetProperty("signature").GetString(), keyId = yes.GetProperty("keyId").GetString(),
        }));
        tampered.GetProperty("valid").GetBoolean().ShouldBeFalse();
        (await Probe.MeteringAsync(s.Host, grant)).Select(m => m.Operation).ShouldBe(["verify.name-id", "verify.name-id"]);
    }

    [Fact]
    public async Task VerifyResidence_AnswersByDivision_AndRejectsMalformedInput()
    {
        var s = await fixture.ScenarioAsync();
        var grant = await s.GrantAsync(fields: ["行政区划代码"]);
        var system = await s.Host.ConsumerSystemAsync(s.Consumer, "lx-health-residence");
        var (id, _, _, _) = s.People[2];
        (await Ok(await system.PostAsJsonAsync($"/api/sharing/gateway/{grant}/verify/residence", new { idNumber = id, divisionCode = "370100" })))
            .GetProperty("answer").GetBoolean().ShouldBeTrue();
        (await Ok(await system.PostAsJsonAsync($"/api/sharing/gateway/{grant}/verify/residence", new { idNumber = id, divisionCode = "370102" })))
            .GetProperty("answer").GetBoolean().ShouldBeFalse();
        using var bad = await system.PostAsJsonAsync($"/api/sharing/gateway/{grant}/verify/residence", new { idNumber = "123", divisionCode = "370102" });
        bad.ShouldBe(HttpStatusCode.BadRequest);
        (await SharingHost.ReadJsonAsync(bad)).GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("idNumber");
    }
}

[Collection("sharing-sqlite")]
public sealed class VerificationTests(SqliteSharingFixture fixture) : VerificationTestsBase(fixture), IClassFixture<SqliteSharingFixture>;

[Collection("sharing-postgres")]
public sealed class PostgresVerificationTests(PostgresSharingFixture fixture) : VerificationTestsBase(fixture), IClassFixture<PostgresSharingFixture>;
