// xUnit1051: the HTTP calls are bounded by HttpClient's timeout; tokens add only noise here.
#pragma warning disable xUnit1051
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Audit;
using Qilu.Platform.Audit.Checkpoints;
using Qilu.Platform.Audit.Http;
using Qilu.Platform.Audit.Merkle;
using Qilu.Platform.Auth;
using Qilu.Platform.Tests.Auth;
using Shouldly;

namespace Qilu.Platform.Tests.Audit;

public sealed class AuditEndpointsTests
{
    private sealed class Roles : IRolePermissions
    {
        public IReadOnlySet<string> PermissionsOf(IEnumerable<string> roles) =>
            roles.Contains("auditor") ? new HashSet<string> { AuditEndpoints.ReadPermission } : new HashSet<string>();
    }

    /// <summary>A real Kestrel server on loopback (<see cref="RoleHeaderApp"/>); the client signs in as an auditor.</summary>
    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(AuditDatabase db)
    {
        var app = RoleHeaderApp.Build(new Roles(), services =>
        {
            services.AddSingleton(db.Signer);
            services.AddQiluAuditLog(db.Connection);
        });
        AuditEndpoints.Map(app);
        var client = await RoleHeaderApp.StartAsync(app);
        client.DefaultRequestHeaders.Add(RoleHeaderApp.Header, "auditor");
        return (app, client);
    }

    private static async Task<string?> FirstErrorFieldAsync(HttpResponseMessage r)
    {
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("errors")[0].GetProperty("field").GetString();
    }

    [Fact]
    public async Task Endpoints_WhenAuditorReads_ServeVerifiableProofsAndAuditTheReads()
    {
        await using var db = AuditDatabase.Sqlite();
        var (app, client) = await StartAsync(db);
        await using var _ = app;
        using var __ = client;
        var log = app.Services.GetRequiredService<IAuditLog>();
        for (var i = 0; i < 20; i++) await log.AppendAsync(new AuditRecord("case.viewed", AuditOutcome.Success) { ActorId = $"u{i}" });

        var note = await client.GetStringAsync("/api/audit/checkpoint?format=text");
        var cp = SignedCheckpoint.ParseAndVerify(note, StaticCheckpointVerifierKeys.Of(db.Signer)).Checkpoint!;
        cp.TreeSize.ShouldBeGreaterThanOrEqualTo(20);

        var entry = await client.GetFromJsonAsync<JsonElement>("/api/audit/entries/7");
        entry.GetProperty("actorId").GetString().ShouldBe("u7");
        var proof = await client.GetFromJsonAsync<JsonElement>($"/api/audit/proof/inclusion?seq=7&treeSize={cp.TreeSize}");
        var path = proof.GetProperty("path").EnumerateArray().Select(e => e.GetBytesFromBase64()).ToList();
        var leaf = MerkleHash.Leaf(AuditLeafCodec.Serialize((await log.GetAsync(7))!));
        MerkleProofs.VerifyInclusion(7, cp.TreeSize, leaf, path, cp.RootHash).IsValid.ShouldBeTrue();

        var consistency = await client.GetFromJsonAsync<JsonElement>($"/api/audit/proof/consistency?first=5&second={cp.TreeSize}");
        consistency.GetProperty("path").GetArrayLength().ShouldBeGreaterThan(0);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/audit/entries?action=audit.log.read&size=50");
        page.GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(4);
        page.GetProperty("items")[0].GetProperty("actorName").GetString().ShouldBe("王**");
        await app.StopAsync();
    }

    [Fact]
    public async Task Endpoints_WhenParametersBadOrCallerUnauthorised_AnswerProblems()
    {
        await using var db = AuditDatabase.Sqlite();
        var (app, client) = await StartAsync(db);
        await using var _ = app;
        using var __ = client;
        var log = app.Services.GetRequiredService<IAuditLog>();
        for (var i = 0; i < 5; i++) await log.AppendAsync(new AuditRecord("case.viewed", AuditOutcome.Success));

        (await FirstErrorFieldAsync(await client.GetAsync("/api/audit/proof/inclusion?seq=1&treeSize=100000"))).ShouldBe("treeSize");
        (await FirstErrorFieldAsync(await client.GetAsync("/api/audit/proof/inclusion?seq=3&treeSize=3"))).ShouldBe("seq");
        (await FirstErrorFieldAsync(await client.GetAsync("/api/audit/proof/inclusion?seq=abc&treeSize=3"))).ShouldBe("seq");
        (await FirstErrorFieldAsync(await client.GetAsync("/api/audit/proof/consistency?first=4&second=2"))).ShouldBe("first");
        (await FirstErrorFieldAsync(await client.GetAsync("/api/audit/proof/consistency?first=0&second=2"))).ShouldBe("first");
        (await FirstErrorFieldAsync(await client.GetAsync("/api/audit/entries?from=yesterday"))).ShouldBe("from");
        (await client.GetAsync("/api/audit/entries/999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var anonymous = new HttpClient { BaseAddress = client.BaseAddress };
        (await anonymous.GetAsync("/api/audit/checkpoint")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var clerk = new HttpClient { BaseAddress = client.BaseAddress };
        clerk.DefaultRequestHeaders.Add(RoleHeaderApp.Header, "clerk");
        (await clerk.GetAsync("/api/audit/checkpoint")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await app.StopAsync();
    }
}
