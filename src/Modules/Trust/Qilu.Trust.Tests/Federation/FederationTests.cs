using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Qilu.Platform.Cryptography;
using Qilu.SharedKernel.Actors;
using Qilu.Testing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Codes;
using Qilu.Trust.Contracts;
using Qilu.Trust.Federation;
using Qilu.Trust.Tests.Certificates;
using Qilu.Trust.Tests.Codes;
using Qilu.Trust.Wallet;
using Shouldly;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Trust.Tests.Federation;

/// <summary>A Trust host on a real loopback port, with extra configuration (a peer platform in these tests).</summary>
public sealed class PeerHost(IReadOnlyDictionary<string, string?> settings) : TrustHost
{
    protected override QiluFactoryOptions Options => new() { Settings = settings };

    protected override bool OnKestrel => true;
}

/// <summary>
/// Two Qilu instances on different loopback ports, each with its own data directory, SQLite file and key store:
/// instance A's official asks instance B for a certificate B holds and verifies it against B's published chain.
/// </summary>
public sealed class FederationTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Federation_BetweenTwoInstances_ServesVerifiesRefusesAndAuditsBothSides()
    {
        await using var b = new PeerHost(new Dictionary<string, string?>());
        await b.InitializeAsync();
        var secret = await RegisterPeerClientAsync(b, "peer-a", [FederationScope.Name]);
        var weakSecret = await RegisterPeerClientAsync(b, "peer-weak", ["api"]);
        var (subject, idNumber) = CodeFlows.Citizens(b, 1)[0];
        var (_, licence) = await CodeFlows.DrivingLicenceAsync(b, "370102", idNumber);
        var rootSm3 = Sm3.HashHex(await b.Client.GetByteArrayAsync(new Uri("/api/trust/ca/root.cer", UriKind.Relative), Ct));
        var baseUrl = b.Address!.ToString();

        await using var a = new PeerHost(new Dictionary<string, string?>
        {
            ["Qilu:Trust:Federation:PlatformName"] = "测试甲省平台",
            ["Qilu:Trust:Federation:Peers:0:Name"] = "b", ["Qilu:Trust:Federation:Peers:0:BaseUrl"] = baseUrl,
            ["Qilu:Trust:Federation:Peers:0:ClientId"] = "peer-a", ["Qilu:Trust:Federation:Peers:0:ClientSecret"] = secret,
            ["Qilu:Trust:Federation:Peers:0:RootSm3"] = rootSm3,
            ["Qilu:Trust:Federation:Peers:1:Name"] = "b-weak", ["Qilu:Trust:Federation:Peers:1:BaseUrl"] = baseUrl,
            ["Qilu:Trust:Federation:Peers:1:ClientId"] = "peer-weak", ["Qilu:Trust:Federation:Peers:1:ClientSecret"] = weakSecret,
            ["Qilu:Trust:Federation:Peers:2:Name"] = "b-impostor", ["Qilu:Trust:Federation:Peers:2:BaseUrl"] = baseUrl,
            ["Qilu:Trust:Federation:Peers:2:ClientId"] = "peer-a", ["Qilu:Trust:Federation:Peers:2:ClientSecret"] = secret,
            ["Qilu:Trust:Federation:Peers:2:RootSm3"] = new string('0', 64),
        });
        await a.InitializeAsync();
        a.Address!.Port.ShouldNotBe(b.Address.Port);
        var unit = await a.UnitAsync("public_security", "370102");
        var official = TrustHost.Official(unit, TrustPermissions.FederationRequest);

        // A asks B: the certificate arrives and verifies against B's chain and pinned root.
        var verified = await RequestAsync(a, official, "b", idNumber);
        verified.Outcome.ShouldBe("verified", verified.DetailEn);
        verified.LicenceId.ShouldBe(licence.LicenceId);
        verified.Certificate.ShouldBe(licence.CanonicalJson);
        verified.CertificateStatus.ShouldBe("valid");

        // Without the scope B refuses (403), an unknown holder is 404, a root other than the pinned one fails verification.
        (await RequestAsync(a, official, "b-weak", idNumber)).Outcome.ShouldBe("forbidden");
        (await RequestAsync(a, official, "b", "110101190001010006")).Outcome.ShouldBe("not_found");
        (await RequestAsync(a, official, "b-impostor", idNumber)).Outcome.ShouldBe("verification_failed");
        (await a.RunAsync(sp => RequestPeerCertificate.HandleAsync(official with { Permissions = new HashSet<string>() },
            new RequestPeerCertificate.Request("b", idNumber, CertificateFlows.DrivingLicence, "x"), sp.GetRequiredService<CodeServices>(),
            sp.GetRequiredService<FederationClient>(), Options(a), Ct))).Kind.ShouldBe(Qilu.SharedKernel.Results.ErrorKind.Forbidden);

        // The same over B's HTTP API directly, as any other province's client would call it.
        using var http = new HttpClient { BaseAddress = b.Address };
        var weak = await CallAsync(http, "peer-weak", weakSecret, "api", idNumber);
        weak.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        weak.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await CallAsync(http, "peer-a", secret, FederationScope.Name, "110101190001010006")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CallAsync(http, "peer-a", secret, FederationScope.Name, "not-an-id")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var anonymous = await http.PostAsJsonAsync("/api/trust/federation/certificates", new { holderIdentifier = idNumber }, Ct))
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var served = await CallAsync(http, "peer-a", secret, FederationScope.Name, idNumber);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = (await served.Content.ReadFromJsonAsync<ServeFederatedCertificate.Response>(TrustJson.Options, Ct))!;
        var chain = await http.GetStringAsync(new Uri("/api/trust/ca/chain.pem", UriKind.Relative), Ct);
        var now = DateTimeOffset.FromUnixTimeSeconds(answer.ServedAt.ToUnixTimeSeconds());
        FederatedCertificateVerifier.Verify(answer, CertificateFlows.DrivingLicence, chain, rootSm3, now).Verified.ShouldBeTrue();

        // A tampered answer fails: altered content, another instance's seal certificate, another instance's chain.
        var altered = answer with { Certificate = answer.Certificate.Replace("张三", "李四", StringComparison.Ordinal) };
        FederatedCertificateVerifier.Verify(altered, CertificateFlows.DrivingLicence, chain, rootSm3, now).Verified.ShouldBeFalse();
        var aChain = await a.Client.GetStringAsync(new Uri("/api/trust/ca/chain.pem", UriKind.Relative), Ct);
        var foreignSeal = answer with { SealCertificatePem = aChain[..(aChain.IndexOf("-----END CERTIFICATE-----", StringComparison.Ordinal) + 25)] };
        FederatedCertificateVerifier.Verify(foreignSeal, CertificateFlows.DrivingLicence, chain, rootSm3, now).Verified.ShouldBeFalse();
        FederatedCertificateVerifier.Verify(answer, CertificateFlows.DrivingLicence, aChain, null, now).Verified.ShouldBeFalse();
        FederatedCertificateVerifier.Verify(answer, CertificateFlows.BirthCertificate, chain, rootSm3, now).Verified.ShouldBeFalse();

        // Both sides keep the record: A its outgoing requests and audit, B the holder's use record and its audit.
        var outgoing = (await CodeFlows.Run(a, s => ListFederationRequests.HandleAsync(official, s, Ct))).Value;
        outgoing.Select(r => r.Outcome).ShouldBe(["verification_failed", "not_found", "forbidden", "verified"]);
        outgoing.ShouldAllBe(r => r.Purpose == "异地换领驾驶证");
        (await CodeFlows.AuditAsync(a, official.SubjectId, "trust.federation.requested", 4)).Count.ShouldBeGreaterThanOrEqualTo(4);
        (await CodeFlows.AuditAsync(b, "peer-a", "trust.federation.served")).ShouldNotBeEmpty();
        (await CodeFlows.AuditAsync(b, "peer-weak", "trust.federation.refused")).ShouldNotBeEmpty();
        var uses = (await CodeFlows.Run(b, s => ListCertificateUses.HandleAsync(TrustHost.Citizen(subject), s, Ct))).Value;
        var use = uses.First(u => u.Channel == "federation" && u.Party.Contains("测试甲省平台", StringComparison.Ordinal));
        use.Outcome.ShouldBe("served");
        use.LicenceId.ShouldBe(licence.LicenceId);
        use.Purpose.ShouldBe("异地换领驾驶证");
    }

    private static FederationOptions Options(TrustHost host) =>
        host.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FederationOptions>>().Value;

    private static async Task<RequestPeerCertificate.Response> RequestAsync(TrustHost a, Actor official, string peer, string holder)
    {
        var result = await a.RunAsync(sp => RequestPeerCertificate.HandleAsync(official,
            new RequestPeerCertificate.Request(peer, holder, CertificateFlows.DrivingLicence, "异地换领驾驶证"), sp.GetRequiredService<CodeServices>(),
            sp.GetRequiredService<FederationClient>(), Options(a), Ct));
        result.IsSuccess.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.MessageEn)));
        return result.Value;
    }

    private static async Task<HttpResponseMessage> CallAsync(HttpClient http, string clientId, string secret, string scope, string holder)
    {
        using var token = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        }), Ct);
        token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.Content.ReadAsStringAsync(Ct));
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync(Ct));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/trust/federation/certificates", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                holderIdentifier = holder, typeCode = CertificateFlows.DrivingLicence, purpose = "异地换领驾驶证",
                requester = new { platform = "测试", unit = "测试单位", official = "测试人员" },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("access_token").GetString());
        return await http.SendAsync(request, Ct);
    }

    /// <summary>Registers a peer platform's system client at <paramref name="host"/> as an administrator would (client credentials, given scopes).</summary>
    private static async Task<string> RegisterPeerClientAsync(TrustHost host, string clientId, string[] scopes)
    {
        var unit = await host.UnitAsync("bigdata", "370000");
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var d = new OpenIddictApplicationDescriptor { ClientId = clientId, ClientSecret = secret, DisplayName = "外省平台 " + clientId, ClientType = ClientTypes.Confidential };
        d.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        foreach (var s in scopes) d.Permissions.Add(Permissions.Prefixes.Scope + s);
        d.Properties["unit"] = JsonSerializer.SerializeToElement(unit.Id.ToString());
        d.Properties["unit_name"] = JsonSerializer.SerializeToElement(unit.Name);
        d.Properties["division"] = JsonSerializer.SerializeToElement(unit.DivisionCode);
        d.Properties["roles"] = JsonSerializer.SerializeToElement(new[] { "system_client" });
        await manager.CreateAsync(d, Ct);
        return secret;
    }
}
