using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys;
using Shouldly;

namespace Qilu.Platform.Tests.Cryptography;

public sealed class FieldProtectorTests : IAsyncDisposable
{
    private const string IdNumber = "11010519491231002X";
    private readonly KeyStoreTestDatabase _database = KeyStoreTestDatabase.Sqlite();
    private readonly string _masterKey = KeyStoreNode.NewMasterKey();
    private readonly List<KeyStoreNode> _nodes = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<KeyStoreNode> NodeAsync(KeyStoreTestDatabase? database = null, Action<IServiceCollection>? extra = null)
    {
        var node = await KeyStoreNode.StartAsync((database ?? _database).Connection, _masterKey, extra: extra);
        _nodes.Add(node);
        return node;
    }

    [Fact]
    public async Task Protect_WhenIdNumber_CiphertextHasNoPlaintextAndDecrypts()
    {
        var fields = (await NodeAsync()).Fields;

        var protectedValue = fields.Protect(IdNumber);

        protectedValue.ShouldMatch(@"^v1:sym-20261128-[0-9a-f]{6}:[A-Za-z0-9+/=]+$");
        protectedValue.ShouldNotContain("110105");
        protectedValue.ShouldNotContain("1949");
        fields.Unprotect(protectedValue).ShouldBe(IdNumber);
        fields.IsProtected(protectedValue).ShouldBeTrue();
        fields.IsProtected(IdNumber).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"姓名\":\"王伟\",\"公民身份号码\":\"11010519491231002X\"}")]
    [InlineData("😀 surrogate pairs and 中文")]
    public async Task ProtectUtf8_WhenSameText_OpensToTheTextLikeProtect(string text)
    {
        var fields = (await NodeAsync()).Fields;

        var fromBytes = fields.ProtectUtf8(System.Text.Encoding.UTF8.GetBytes(text));
        var fromString = fields.Protect(text);

        fields.Unprotect(fromBytes).ShouldBe(text);
        fields.Unprotect(fromString).ShouldBe(text);
        fromBytes[..fromBytes.LastIndexOf(':')].ShouldBe(fromString[..fromString.LastIndexOf(':')]);
        Convert.FromBase64String(fromBytes[(fromBytes.LastIndexOf(':') + 1)..]).Length.ShouldBe(12 + System.Text.Encoding.UTF8.GetByteCount(text) + 16);
    }

    [Fact]
    public async Task Protect_WhenValueLargerThanTheStackBuffers_RoundTrips()
    {
        // Values above 512 bytes take pooled buffers instead of the stack; the format is the same.
        var fields = (await NodeAsync()).Fields;
        foreach (var length in new[] { 340, 341, 500, 513, 4_000, 100_000 })
        {
            var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)('一' + i % 500)));
            fields.Unprotect(fields.Protect(text)).ShouldBe(text);
            fields.Unprotect(fields.ProtectUtf8(System.Text.Encoding.UTF8.GetBytes(text))).ShouldBe(text);
        }
    }

    [Fact]
    public async Task Protect_WhenSameValueTwice_GivesDifferentCiphertexts()
    {
        var fields = (await NodeAsync()).Fields;
        fields.Protect(IdNumber).ShouldNotBe(fields.Protect(IdNumber));
    }

    [Fact]
    public async Task Unprotect_WhenPayloadTampered_ThrowsCryptographicException()
    {
        var fields = (await NodeAsync()).Fields;
        var protectedValue = fields.Protect(IdNumber);
        var payload = Convert.FromBase64String(protectedValue[(protectedValue.LastIndexOf(':') + 1)..]);
        var prefix = protectedValue[..(protectedValue.LastIndexOf(':') + 1)];

        for (var i = 0; i < payload.Length; i++)
        {
            var tampered = (byte[])payload.Clone();
            tampered[i] ^= 0x80;
            Should.Throw<CryptographicException>(() => fields.Unprotect(prefix + Convert.ToBase64String(tampered)));
        }
    }

    [Fact]
    public async Task Unprotect_WhenKeyIdSwappedOrMalformed_FailsWithReason()
    {
        var node = await NodeAsync();
        var protectedValue = node.Fields.Protect(IdNumber);
        var other = await node.Keys.RotateAsync(KeyPurposes.FieldEncryption, KeyAlgorithm.Symmetric, TestContext.Current.CancellationToken);
        var keyId = protectedValue.Split(':')[1];

        // The key id is associated data: naming another (valid) key fails authentication.
        Should.Throw<CryptographicException>(() => node.Fields.Unprotect(protectedValue.Replace(keyId, other.Id, StringComparison.Ordinal)));
        Should.Throw<CryptographicException>(() => node.Fields.Unprotect(protectedValue.Replace(keyId, "sym-20000101-000000", StringComparison.Ordinal)));
        Should.Throw<FormatException>(() => node.Fields.Unprotect(IdNumber)).Message.ShouldContain("v1:");
        Should.Throw<FormatException>(() => node.Fields.Unprotect("v1:abc"));
        Should.Throw<FormatException>(() => node.Fields.Unprotect("v1:abc:%%%"));
    }

    [Fact]
    public async Task Unprotect_WhenKeyRotatedAndProcessRestarted_StillDecryptsOldValues()
    {
        var node = await NodeAsync();
        var before = node.Fields.Protect(IdNumber);
        var rotated = await node.Keys.RotateAsync(KeyPurposes.FieldEncryption, KeyAlgorithm.Symmetric, TestContext.Current.CancellationToken);

        var restarted = await NodeAsync();
        var after = restarted.Fields.Protect("13800138000");

        after.Split(':')[1].ShouldBe(rotated.Id);
        restarted.Fields.Unprotect(before).ShouldBe(IdNumber);
        node.Fields.Unprotect(after).ShouldBe("13800138000");   // node 1 fetches the new key id on demand
    }

    [Fact]
    public async Task BlindIndex_WhenSameValueAndPurpose_IsDeterministicAcrossRestarts()
    {
        var first = (await NodeAsync()).Fields.BlindIndex(IdNumber, "cases.applicant.id-number");
        var second = (await NodeAsync()).Fields.BlindIndex(IdNumber, "cases.applicant.id-number");

        first.ShouldBe(second);
        first.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task BlindIndex_WhenPurposeOrValueDiffers_Differs()
    {
        var fields = (await NodeAsync()).Fields;
        var a = fields.BlindIndex(IdNumber, "cases.applicant.id-number");

        fields.BlindIndex(IdNumber, "hotline.caller.id-number").ShouldNotBe(a);
        fields.BlindIndex("110105194912310021", "cases.applicant.id-number").ShouldNotBe(a);
    }

    [Fact]
    public async Task BlindIndex_WhenTruncated_IsThePrefixOfTheFullIndexForEveryEvenLength()
    {
        var fields = (await NodeAsync()).Fields;
        string[] values = [IdNumber, "", "王伟", "😀 surrogate pairs", new string('长', 600)];

        foreach (var value in values)
        {
            var full = fields.BlindIndex(value, "catalog.r1.c2");
            full.ShouldMatch("^[0-9a-f]{64}$");
            fields.BlindIndex(value, "catalog.r1.c2", 64).ShouldBe(full);
            for (var length = 2; length <= 64; length += 2)
                fields.BlindIndex(value, "catalog.r1.c2", length).ShouldBe(full[..length]);
        }
        foreach (var bad in new[] { 0, 1, 31, 66, -2 })
            Should.Throw<ArgumentOutOfRangeException>(() => fields.BlindIndex(IdNumber, "p", bad));
    }

    [Fact]
    public async Task BlindIndex_WhenOtherKeyStore_Differs()
    {
        await using var otherDatabase = KeyStoreTestDatabase.Sqlite();
        var a = (await NodeAsync()).Fields.BlindIndex(IdNumber, "p");
        var b = (await NodeAsync(otherDatabase)).Fields.BlindIndex(IdNumber, "p");
        a.ShouldNotBe(b);
        // The index is not a plain hash of the value.
        a.ShouldNotBe(Qilu.Platform.Cryptography.Sm3.HashHex(IdNumber));
    }

    [Fact]
    public async Task Protect_WhenCalledBeforeInitialize_LoadsKeysSynchronously()
    {
        var node = await KeyStoreNode.StartAsync(_database.Connection, _masterKey, migrate: false);
        _nodes.Add(node);
        await using (var scope = node.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Qilu.Platform.Cryptography.Keys.Data.KeyStoreDbContext>().Database.MigrateAsync(TestContext.Current.CancellationToken);

        node.Fields.Unprotect(node.Fields.Protect("x")).ShouldBe("x");
    }

    [Fact]
    public async Task ValueConverter_WhenEntitySaved_StoresCiphertextAndReadsPlaintext()
    {
        // Two hosts with different master keys in one process: each DbContext must use its own protector.
        await using var otherDatabase = KeyStoreTestDatabase.Sqlite();
        foreach (var database in new[] { _database, otherDatabase })
        {
            var node = await NodeAsync(database, s => s.AddDbContext<PeopleDbContext>(o => o.UseSqlite(database.Connection.ConnectionString)));
            await using var scope = node.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PeopleDbContext>();
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TABLE people (Id INTEGER PRIMARY KEY, IdNumber TEXT NOT NULL, Phone TEXT NULL)", TestContext.Current.CancellationToken);
            db.People.Add(new Person { Id = 1, IdNumber = IdNumber, Phone = null });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);

            var stored = await db.Database.SqlQueryRaw<string>("SELECT IdNumber AS Value FROM people").SingleAsync(TestContext.Current.CancellationToken);
            stored.ShouldStartWith("v1:");
            stored.ShouldNotContain(IdNumber);
            db.ChangeTracker.Clear();
            var person = await db.People.SingleAsync(TestContext.Current.CancellationToken);
            person.IdNumber.ShouldBe(IdNumber);
            person.Phone.ShouldBeNull();
        }
    }

    internal sealed class Person
    {
        public int Id { get; set; }

        public required string IdNumber { get; set; }

        public string? Phone { get; set; }
    }

    internal sealed class PeopleDbContext(DbContextOptions<PeopleDbContext> options, IFieldProtector protector) : DbContext(options)
    {
        public DbSet<Person> People => Set<Person>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            var person = modelBuilder.Entity<Person>();
            person.ToTable("people");
            person.Property(p => p.IdNumber).IsProtected(protector);
            person.Property(p => p.Phone).IsProtected(protector);
        }
    }
}
