using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Data;
using Qilu.Identity.Seed;
using Qilu.Platform.Cryptography.Fields;
using Shouldly;

namespace Qilu.Identity.Tests.Data;

/// <summary>
/// What actually lands in the database, read around the application: every context's migrations applied in its own
/// schema or table prefix (ADR 0002), the demo province seeded, and personal identifiers stored only as SM4
/// ciphertext, blind index and masked copy (ARCHITECTURE.md, Cryptography), so that the plaintext ID numbers and
/// phone numbers appear nowhere in the store.
/// </summary>
public abstract class StorageTestsBase(IdentityFixture fixture)
{
    protected IdentityHost Host => fixture.Host;

    /// <summary>The demo citizens (张三, 李四, 王五) and their phones, as the seeder creates them.</summary>
    protected static readonly string[] DemoIdentifiers =
    [
        DemoProvinceSeeder.MakeId("370102", new DateOnly(1988, 3, 15), 101),
        DemoProvinceSeeder.MakeId("370202", new DateOnly(1979, 11, 2), 233),
        DemoProvinceSeeder.MakeId("370102", new DateOnly(1995, 6, 30), 342),
        "13800138001", "13800138002", "13800138003",
    ];

    /// <summary>Everything the store holds, as bytes: the SQLite files, or every row of every table as text.</summary>
    protected abstract Task<byte[]> ReadWholeStoreAsync();

    /// <summary>The stored IdNumberProtected column of the account whose masked ID is given, read with plain SQL.</summary>
    protected abstract Task<string?> ReadProtectedIdNumberAsync(string masked);

    /// <summary>Applied migrations per module (schema or table prefix), read from the history tables.</summary>
    protected abstract Task<Dictionary<string, int>> AppliedMigrationsAsync();

    /// <summary>Tables that belong to no module's schema or prefix.</summary>
    protected abstract Task<List<string>> StrayTablesAsync(IReadOnlyCollection<string> modules);

    [Fact]
    public async Task Store_AfterSeedSignInAndRegistration_HoldsNoPlaintextIdOrPhoneNumber()
    {
        // Exercise the paths that handle identifiers: a sign-in by ID number (audited) and a registration.
        var zhang = DemoIdentifiers[0];
        using var browser = Host.Browser();
        (await IdentityHost.PostLoginAsync(browser, zhang, Host.Secret(zhang))).Headers.Location!.ToString().ShouldNotContain("error");
        var newcomer = DemoProvinceSeeder.MakeId("370211", new DateOnly(2000, 2, 29), 458);
        using var anonymous = Host.CreateClient();
        var registered = await anonymous.PostAsJsonAsync("/api/identity/register",
            new { name = "韩梅", idNumber = newcomer, phone = "13900139458", password = "Qilu-Register-2026" });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created);

        var store = await ReadWholeStoreAsync();
        store.Length.ShouldBeGreaterThan(10_000);
        // The read does see the accounts: their masked copies are there.
        Contains(store, zhang[..4] + new string('*', 10) + zhang[^4..]).ShouldBeTrue("the masked ID number of 张三 should be stored");
        foreach (var plain in DemoIdentifiers.Append(newcomer).Append("13900139458"))
            Contains(store, plain).ShouldBeFalse($"{plain[..4]}… is stored in plaintext");
    }

    [Fact]
    public async Task ProtectedIdNumber_ReadWithPlainSql_DecryptsToTheOriginal()
    {
        var li = DemoIdentifiers[1];
        var stored = await ReadProtectedIdNumberAsync(li[..4] + new string('*', 10) + li[^4..]);
        stored.ShouldNotBeNull();
        stored.ShouldStartWith("v1:");
        stored.ShouldNotContain(li);
        Host.Services.GetRequiredService<IFieldProtector>().Unprotect(stored).ShouldBe(li);
    }

    [Fact]
    public async Task Migrations_OfEveryContext_AreAppliedInTheirOwnNamespace()
    {
        _ = Host.Server;
        var applied = await AppliedMigrationsAsync();
        applied.Keys.ShouldBe(["audit", "cases", "catalog", "hotline", "identity", "keystore", "matters", "notices", "opendata", "sharing", "trust", "workflow"], ignoreOrder: true);
        applied.Values.ShouldAllBe(n => n > 0);
        using (var scope = Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            applied["identity"].ShouldBe(db.Database.GetMigrations().Count());
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            (await db.Divisions.CountAsync()).ShouldBeGreaterThan(400);
            (await db.Accounts.CountAsync()).ShouldBeGreaterThanOrEqualTo(12);
        }
        (await StrayTablesAsync(applied.Keys)).ShouldBeEmpty();
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}
