extern alias QiluHost;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Qilu.Identity.Contracts;
using Qilu.Bench.Http;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;
using Qilu.SharedKernel.Actors;
using Qilu.Trust.Auditing;
using Qilu.Trust.Certificates;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;
using Qilu.Trust.Seals;
using Qilu.Trust.Verification;

namespace Qilu.Bench.Trust;

/// <summary>
/// Trust module figures (issue 3): certificate issuance per second through the bulk-issuance use case (批量颁发:
/// validation, random status slots, canonical form, SM2 signatures in parallel, one transaction and one audit entry per
/// batch, SQLite); certificate verification per second per core (QR payload parse + SM2 signature + status-bit lookup,
/// as a verifier with the published material cached does it) next to raw BouncyCastle SM2 verification of the same
/// bytes measured in the same run; and the public QR verification endpoint under closed-loop HTTP load on Kestrel
/// (p50/p95/p99). Usage: <c>trust [certificates=5000] [batch=500] [seconds=5] [workers=16]</c>.
/// </summary>
internal static class TrustBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var workers = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 16;
        Console.WriteLine($"# load average at start {BenchOptions.LoadAverage()}; {Environment.ProcessorCount} cores");
        var port = BenchOptions.FreePort();
        var dataDir = Directory.CreateTempSubdirectory("qilu-trust-bench-").FullName;
        await using var factory = new WebApplicationFactory<QiluHost::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseContentRoot(Path.Combine(RepositoryRoot(), "src", "Qilu.Host"));
            b.UseSetting("Qilu:DataDirectory", dataDir);
            b.UseSetting("Qilu:Demo:Enabled", "true");
            // The verify endpoint carries the "public" token bucket per client IP; every worker here is 127.0.0.1.
            b.UseSetting("Qilu:RateLimiting:Public:TokenLimit", "1000000000");
            b.UseSetting("Qilu:RateLimiting:Public:TokensPerPeriod", "1000000000");
            b.UseUrls($"http://127.0.0.1:{port}");
        });
        factory.UseKestrel(port);
        factory.StartServer();
        var services = factory.Services;
        var ct = CancellationToken.None;

        var (unit, seal, issuerOfficial) = await SealInUseAsync(services, ct);
        Console.WriteLine($"issuing unit {unit.Name}, seal {seal.Name} ({seal.CertificateSerial})");

        // Issuance: N certificates through the bulk use case, one scope (issuer, context) per batch.
        var fields = new Dictionary<string, string>
        {
            ["entityType"] = "有限责任公司", ["legalRepresentative"] = "李四", ["registeredCapital"] = "100万元人民币",
            ["establishedOn"] = "2020-05-20", ["address"] = "山东省济南市历下区泉城路1号", ["businessScope"] = "软件开发；信息技术咨询服务",
        };
        var type = CertificateTypeSeed.NationalBodyCode("MB000001") + "001";
        var holders = Enumerable.Range(0, count * 2).Select(CreditCodeFor).Where(c => Qilu.SharedKernel.Identifiers.CreditCode.TryParse(c, out _)).Take(count).ToArray();
        await IssueBatchAsync(services, issuerOfficial, type, holders[..Math.Min(50, count)], fields, ct); // warm-up (JIT, key cache)
        await DrainOutboxesAsync(services, ct);
        // CPU time of the whole process (every thread: request work, parallel signatures, the outbox dispatchers, GC) per
        // certificate, from the first batch until every CertificateIssued message was delivered. Unlike the wall-clock
        // rate it hardly depends on what the other processes on a shared machine are doing.
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var issue = Stopwatch.StartNew();
        for (var offset = 0; offset < count; offset += batch)
            await IssueBatchAsync(services, issuerOfficial, type, holders[offset..Math.Min(count, offset + batch)], fields, ct);
        issue.Stop();
        process.Refresh();
        var cpuIssued = process.TotalProcessorTime - cpuBefore;
        var drain = Stopwatch.StartNew();
        await DrainOutboxesAsync(services, ct);
        drain.Stop();
        process.Refresh();
        var cpuTotal = process.TotalProcessorTime - cpuBefore;
        var issuedPerSecond = count / issue.Elapsed.TotalSeconds;
        var allDelivered = count / (issue.Elapsed + drain.Elapsed).TotalSeconds;
        Console.WriteLine($"issuance: {count:N0} certificates in {issue.Elapsed.TotalSeconds:F2} s = {issuedPerSecond:N0}/s " +
            $"(POST …/certificates/batch use case, batches of {batch}, one transaction each, an audit entry per certificate, SQLite; " +
            $"target ≥ 1,000/s: {(issuedPerSecond >= 1000 ? "met" : "NOT met")})");
        Console.WriteLine($"outbox drained {drain.Elapsed.TotalSeconds:F2} s after the last batch: {allDelivered:N0} certificates/s issued and delivered");
        Console.WriteLine($"CPU per certificate: {cpuIssued.TotalMilliseconds / count:F3} ms while issuing, " +
            $"{cpuTotal.TotalMilliseconds / count:F3} ms including the outbox delivery (process CPU time ÷ {count:N0}; " +
            $"{Environment.ProcessorCount} cores ⇒ CPU-bound ceiling {Environment.ProcessorCount * 1000 / (cpuTotal.TotalMilliseconds / count):N0}/s)");

        // Verification material a verifier caches: seal keys and the status bitstrings; payloads of 200 certificates.
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
        var keys = scope.ServiceProvider.GetRequiredService<IKeyStore>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var certificates = await db.Certificates.AsNoTracking().Take(200).ToListAsync(ct);
        var payloads = new List<string>();
        foreach (var c in certificates) payloads.Add((await GetCertificate.BuildAsync(c, db, keys, clock, ct)).QrPayload);
        // As a verifier has it: decoded from the published seal certificate (not the key store's derived point).
        var sealKey = Sm2PublicKey.ImportSubjectPublicKeyInfo(new Org.BouncyCastle.X509.X509Certificate(
            (await db.Seals.AsNoTracking().FirstAsync(s => s.Id == seal.Id, ct)).CertificateDer!).CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded());
        var lists = new Dictionary<int, (byte[], byte[])>();
        foreach (var listId in certificates.Select(c => c.StatusListId).Distinct())
            lists[listId] = (await GetStatusList.BitsAsync(db, listId, "revocation", ct), await GetStatusList.BitsAsync(db, listId, "suspension", ct));
        var verifier = new OfflineQrVerifier(new Dictionary<string, Sm2PublicKey> { [seal.CertificateSerial!] = sealKey }, lists);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (payloads.Any(p => verifier.Verify(p, today) != "valid")) throw new InvalidOperationException("A fresh payload did not verify.");

        // Raw BouncyCastle: SM2Signer (SM3, default ID, r‖s) initialised and run per verification over the same body.
        var parsed = payloads.Select(QrPayload.Parse).ToArray();
        var bcKey = (ECPublicKeyParameters)PublicKeyFactory.CreateKey(sealKey.ExportSubjectPublicKeyInfo());
        bool Raw(int i)
        {
            var (_, body, signature) = parsed[i % parsed.Length];
            var signer = new SM2Signer(PlainDsaEncoding.Instance);
            signer.Init(false, new ParametersWithID(bcKey, Encoding.ASCII.GetBytes(Sm2.DefaultUserId)));
            signer.BlockUpdate(body, 0, body.Length);
            return signer.VerifySignature(signature);
        }
        bool Full(int i) => verifier.Verify(payloads[i % payloads.Count], today) == "valid";

        Interleaved(Raw, Full, 1); // warm-up
        // Interleaved in chunks of 100 so both see the same machine load (the host here is shared and busy).
        var (raw, full) = Interleaved(Raw, Full, seconds);
        Console.WriteLine($"raw BouncyCastle SM2 verify (SM2Signer init + verify, r‖s, default ID): {raw:N0}/s (1 thread)");
        Console.WriteLine($"certificate verification (parse + SM2 verify + status bits + expiry): {full:N0}/s (1 thread)");
        var ratio = full / raw;
        Console.WriteLine($"ratio certificate / raw = {ratio:P1} (target within 15 %: {(ratio >= 0.85 ? "met" : "NOT met")}; " +
            $"≥ 1,500/s per core: {(full >= 1500 ? "met" : "NOT met")})");
        var (parseOnly, platformVerify) = Interleaved(i => QrPayload.Parse(payloads[i % payloads.Count]).Claims is not null,
            i => Sm2.Verify(sealKey, parsed[i % parsed.Length].Body, parsed[i % parsed.Length].Signature, Sm2SignatureEncoding.Raw), seconds);
        Console.WriteLine($"breakdown: payload parse only {parseOnly:N0}/s; platform Sm2.Verify only {platformVerify:N0}/s");
        var signKey = await keys.GetActiveSm2KeyAsync(new Seal { Id = seal.Id }.KeyPurpose, ct);
        var signBody = parsed[0].Body;
        var (signs, _) = Interleaved(_ => signKey.Sign(signBody).Length > 0, _ => true, seconds);
        Console.WriteLine($"raw SM2 sign (platform signer, pooled), same run: {signs:N0}/s (1 thread) — the ceiling for issuance per core");

        // The online endpoint's handler (SQLite lookups of seal and certificate per call), for comparison.
        var sealKeys = scope.ServiceProvider.GetRequiredService<SealKeyCache>();
        var audit = scope.ServiceProvider.GetRequiredService<TrustAudit>();
        var online = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            var r = await VerifyQr.HandleAsync(payloads[online % payloads.Count], db, sealKeys, clock, audit, ct);
            if (r.Value.Outcome != "valid") throw new InvalidOperationException(r.Value.ReasonEn);
            online++;
        }
        Console.WriteLine($"online verification handler (SQLite lookups, 1 thread): {online / sw.Elapsed.TotalSeconds:N0}/s");

        // The public endpoint over HTTP/1.1 on Kestrel, closed loop: each worker posts a payload, waits, posts the next.
        using var client = LoadGenerator.NewClient(new Uri($"http://127.0.0.1:{port}/"), workers);
        async Task<string?> Post(HttpClient c, CancellationToken token)
        {
            var i = Random.Shared.Next(payloads.Count);
            using var response = await c.PostAsJsonAsync("api/trust/verify", new { payload = payloads[i] }, token);
            if (!response.IsSuccessStatusCode) return $"HTTP {(int)response.StatusCode}";
            var body = await response.Content.ReadAsStringAsync(token);
            return body.Contains("\"outcome\":\"valid\"", StringComparison.Ordinal) ? null : body;
        }
        await LoadGenerator.RunAsync("warm-up", client, workers, TimeSpan.FromSeconds(2), Post);
        var load = await LoadGenerator.RunAsync("POST /api/trust/verify", client, workers, TimeSpan.FromSeconds(seconds * 2), Post);
        Console.WriteLine($"QR verification endpoint over HTTP ({workers} workers, closed loop, {load.Elapsed.TotalSeconds:F0} s): " +
            $"{load.PerSecond:N0}/s, p50 {load.P(0.5):F1} ms, p95 {load.P(0.95):F1} ms, p99 {load.P(0.99):F1} ms, errors {load.Errors}" +
            $"{(load.FirstError is null ? "" : " (first: " + load.FirstError + ")")} (target p95 ≤ 50 ms: {(load.P(0.95) <= 50 ? "met" : "NOT met")})");
        Console.WriteLine($"# load average at end {BenchOptions.LoadAverage()}");
        return load.Errors == 0 ? 0 : 2;
    }

    /// <summary>Delivers every pending outbox message of every module (waits for a batch the background dispatcher holds).</summary>
    private static async Task DrainOutboxesAsync(IServiceProvider services, CancellationToken ct)
    {
        foreach (var dispatcher in services.GetServices<Qilu.Platform.Events.IOutboxDispatcher>())
            await dispatcher.DispatchPendingAsync(ct);
    }

    private static (double A, double B) Interleaved(Func<int, bool> a, Func<int, bool> b, int seconds)
    {
        var (na, nb) = (0, 0);
        var (ta, tb) = (TimeSpan.Zero, TimeSpan.Zero);
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < 2 * seconds)
        {
            var sw = Stopwatch.StartNew();
            for (var k = 0; k < 100; k++, na++) if (!a(na)) throw new InvalidOperationException("verification failed (a)");
            ta += sw.Elapsed;
            sw.Restart();
            for (var k = 0; k < 100; k++, nb++) if (!b(nb)) throw new InvalidOperationException("verification failed (b)");
            tb += sw.Elapsed;
        }
        return (na / ta.TotalSeconds, nb / tb.TotalSeconds);
    }

    private static async Task IssueBatchAsync(IServiceProvider services, Actor official, string type, string[] holders,
        Dictionary<string, string> fields, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var items = holders.Select(h => new IssueCertificate.Request(type, "基准测试有限公司", h, null, fields)).ToList();
        var r = await IssueCertificates.HandleAsync(official, new IssueCertificates.Request(items), sp.GetRequiredService<CertificateIssuer>(),
            sp.GetRequiredService<IOrganisationDirectory>(), sp.GetRequiredService<TrustAudit>(), ct);
        if (!r.IsSuccess) throw new InvalidOperationException(r.ToString());
    }

    private static async Task<(UnitInfo Unit, SealView Seal, Actor Issuer)> SealInUseAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var unit = (await sp.GetRequiredService<IOrganisationDirectory>().ListUnitsAsync("370102", "market", ct)).Single(u => u.DivisionCode == "370102");
        var official = new Actor(ActorKind.Official, "bench-official", "基准", unit.DivisionCode, unit.Id, new HashSet<string>(),
            new HashSet<string> { TrustPermissions.SealsApply }, RealNameLevel.InPerson);
        var admin = new Actor(ActorKind.Official, "bench-admin", "基准管理员", "370000", unit.Id, new HashSet<string>(),
            new HashSet<string> { TrustPermissions.SealsApprove, TrustPermissions.SealsManage }, RealNameLevel.InPerson);
        var db = sp.GetRequiredService<TrustDbContext>();
        var audit = sp.GetRequiredService<TrustAudit>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var seal = (await ApplySeal.HandleAsync(official, new ApplySeal.Request("Business"), db, sp.GetRequiredService<IOrganisationDirectory>(), clock, audit, ct)).Value;
        foreach (var action in new[] { "approve", "make", "use" })
            seal = (await TransitionSeal.HandleAsync(admin, seal.Id, action, new TransitionSeal.Request(null, null), db,
                sp.GetRequiredService<IKeyStore>(), sp.GetRequiredService<Qilu.Trust.Authority.CertificateAuthority>(), clock, audit, ct)).Value;
        var issuer = new Actor(ActorKind.SystemClient, "bench-issuing-system", "基准颁证系统", unit.DivisionCode, unit.Id, new HashSet<string>(),
            new HashSet<string> { TrustPermissions.CertificatesIssue }, RealNameLevel.None);
        return (unit, seal, issuer);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Qilu.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }

    /// <summary>A valid 统一社会信用代码 for holder <paramref name="i"/> (企业, 历下区).</summary>
    private static string CreditCodeFor(int i)
    {
        var org = (10_000_000 + i).ToString(CultureInfo.InvariantCulture);
        var first17 = "91370102" + org + Qilu.SharedKernel.Identifiers.CreditCode.ComputeOrganizationCheckCharacter(org);
        return first17 + Qilu.SharedKernel.Identifiers.CreditCode.ComputeCheckCharacter(first17);
    }
}
