using System.Net;
using System.Net.Http.Json;
using Qilu.Identity.Seed;
using Shouldly;

namespace Qilu.Identity.Tests.Enterprises;

/// <summary>
/// Enterprise self-registration (企业注册): a verified citizen registers the enterprise they represent, becomes its
/// legal representative (it is offered at sign-in), and bad or duplicate codes are refused with the reason.
/// </summary>
public abstract class EnterpriseRegistrationTestsBase(IdentityFixture fixture)
{
    private IdentityHost Host => fixture.Host;

    [Fact]
    public async Task Register_ByVerifiedCitizen_MakesThemLegalRepresentative()
    {
        var (idNumber, _) = await Citizens.RegisterNewAsync(Host, "冯企业");
        var code = DepartmentCatalog.EnterpriseCreditCode("370102", "测试科技" + Guid.NewGuid().ToString("N")[..6]);
        var tokens = await (await Oidc.SignInForTokensAsync(Host, idNumber, Citizens.Password)).JsonAsync();
        using var api = TestSession.Bearer(Host, tokens.GetProperty("access_token").GetString()!);

        var created = await api.PostAsJsonAsync("/api/identity/enterprises", new { creditCode = code, name = "济南测试科技有限公司" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await created.JsonAsync()).GetProperty("divisionCode").GetString().ShouldBe("370102");

        var again = await api.PostAsJsonAsync("/api/identity/enterprises", new { creditCode = code, name = "济南测试科技有限公司" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The enterprise is now offered at sign-in, and acting for it puts it in the tokens.
        var asEnterprise = await Oidc.SignInForTokensAsync(Host, idNumber, Citizens.Password, capacity: code);
        var access = Oidc.DecodeJwtPayload((await asEnterprise.JsonAsync()).GetProperty("access_token").GetString()!);
        access.GetProperty("enterprise").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task Register_WithWrongCheckCharacter_NamesFieldAndRule()
    {
        var (idNumber, _) = await Citizens.RegisterNewAsync(Host, "褚企业");
        var code = DepartmentCatalog.EnterpriseCreditCode("370102", "校验测试");
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');
        var tokens = await (await Oidc.SignInForTokensAsync(Host, idNumber, Citizens.Password)).JsonAsync();
        using var api = TestSession.Bearer(Host, tokens.GetProperty("access_token").GetString()!);
        var response = await api.PostAsJsonAsync("/api/identity/enterprises", new { creditCode = wrong, name = "济南校验测试有限公司" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.JsonAsync()).GetProperty("errors")[0];
        error.GetProperty("field").GetString().ShouldBe("creditCode");
        error.GetProperty("code").GetString().ShouldBe("credit_code.check_character");
    }

    [Fact]
    public async Task Register_ByOfficial_IsForbidden()
    {
        using var official = await TestSession.ApiAsAsync(Host, "jn.official");
        var response = await official.PostAsJsonAsync("/api/identity/enterprises",
            new { creditCode = DepartmentCatalog.EnterpriseCreditCode("370100", "官员企业"), name = "官员企业有限公司" });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class EnterpriseRegistrationTests(IdentityHostFixture fixture) : EnterpriseRegistrationTestsBase(fixture), IClassFixture<IdentityHostFixture>;

public sealed class EnterpriseRegistrationPostgresTests(IdentityPostgresFixture fixture) : EnterpriseRegistrationTestsBase(fixture), IClassFixture<IdentityPostgresFixture>;
