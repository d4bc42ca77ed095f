using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Platform.Cryptography.Keys.Data;
using Shouldly;

namespace Qilu.Platform.Tests.Cryptography;

/// <summary>Key-store behaviour, run against each database provider by the sealed subclasses below.</summary>
public abstract class KeyStoreContractTests : IAsyncDisposable
{
    private readonly string _masterKey = KeyStoreNode.NewMasterKey();
    private readonly List<KeyStoreNode> _nodes = [];
    private KeyStoreTestDatabase? _database;

    private protected abstract Task<KeyStoreTestDatabase> CreateDatabaseAsync();

    private async Task<KeyStoreNode> NodeAsync(string? masterKey = null)
    {
        _database ??= await CreateDatabaseAsync();
        var node = await KeyStoreNode.StartAsync(_database.Connection, masterKey ?? _masterKey);
        _nodes.Add(node);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task GetActiveSm2Key_WhenFirstUse_CreatesOneActiveKeyWithTimestamps()
    {
        var node = await NodeAsync();

        var key = await node.Keys.GetActiveSm2KeyAsync(KeyPurposes.AuditCheckpoint, TestContext.Current.CancellationToken);

        key.KeyId.ShouldMatch(@"^sm2-20261128-[0-9a-f]{6}$");
        var list = await node.Keys.ListAsync(KeyPurposes.AuditCheckpoint, TestContext.Current.CancellationToken);
        var info = list.ShouldHaveSingleItem();
        info.Id.ShouldBe(key.KeyId);
        info.Status.ShouldBe(KeyStatus.Active);
        info.Algorithm.ShouldBe(KeyAlgorithm.Sm2);
        info.CreatedAt.ShouldBe(node.Clock.GetUtcNow());
        info.ActivatedAt.ShouldBe(node.Clock.GetUtcNow());
        info.RetiredAt.ShouldBeNull();
        info.PublicKey.ShouldBe(key.PublicKey.ToUncompressed());
    }

    [Fact]
    public async Task GetActiveSm2Key_WhenCalledTwice_ReturnsSameKey()
    {
        var node = await NodeAsync();
        var first = await node.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken);
        node.Clock.Advance(TimeSpan.FromHours(1));   // past the cache interval: the second call reads the database
        var second = await node.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken);

        second.KeyId.ShouldBe(first.KeyId);
        second.PublicKey.ShouldBe(first.PublicKey);
        (await node.Keys.ListAsync("audit.checkpoint", TestContext.Current.CancellationToken)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Rotate_WhenCalled_NewKeyActiveAndOldRetiredButStillVerifies()
    {
        var node = await NodeAsync();
        var old = await node.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken);
        var signature = old.Sign("checkpoint 42"u8);
        node.Clock.Advance(TimeSpan.FromDays(90));

        var rotated = await node.Keys.RotateAsync("audit.checkpoint", KeyAlgorithm.Sm2, TestContext.Current.CancellationToken);

        rotated.Id.ShouldNotBe(old.KeyId);
        (await node.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken)).KeyId.ShouldBe(rotated.Id);
        var list = await node.Keys.ListAsync("audit.checkpoint", TestContext.Current.CancellationToken);
        list.Count.ShouldBe(2);
        list[0].Id.ShouldBe(rotated.Id);
        var retired = list.Single(k => k.Id == old.KeyId);
        retired.Status.ShouldBe(KeyStatus.Retired);
        retired.RetiredAt.ShouldBe(node.Clock.GetUtcNow());
        var verificationKey = await node.Keys.FindVerificationKeyAsync(old.KeyId, TestContext.Current.CancellationToken);
        Sm2.Verify(verificationKey!, "checkpoint 42"u8, signature).ShouldBeTrue();
    }

    [Fact]
    public async Task FindVerificationKey_WhenUnknownOrNotSm2_ReturnsNull()
    {
        var node = await NodeAsync();
        var symmetric = await node.Keys.GetActiveSymmetricKeyAsync("field.encryption", TestContext.Current.CancellationToken);

        (await node.Keys.FindVerificationKeyAsync("sm2-19700101-000000", TestContext.Current.CancellationToken)).ShouldBeNull();
        (await node.Keys.FindVerificationKeyAsync(symmetric.KeyId, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Restart_WhenNewProviderOnSameDatabaseAndMasterKey_ReturnsSameKeys()
    {
        var first = await NodeAsync();
        var sm2 = await first.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken);
        var symmetric = await first.Keys.GetActiveSymmetricKeyAsync("field.encryption", TestContext.Current.CancellationToken);
        var rsa = await first.Keys.GetActiveRsaKeyAsync("oidc.signing", TestContext.Current.CancellationToken);
        var signature = sm2.Sign("m"u8);

        var restarted = await NodeAsync();

        var sm2Again = await restarted.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken);
        sm2Again.KeyId.ShouldBe(sm2.KeyId);
        sm2Again.PrivateKey.ToHex().ShouldBe(sm2.PrivateKey.ToHex());
        Sm2.Verify(sm2Again.PublicKey, "m"u8, signature).ShouldBeTrue();
        var symmetricAgain = await restarted.Keys.GetActiveSymmetricKeyAsync("field.encryption", TestContext.Current.CancellationToken);
        symmetricAgain.KeyId.ShouldBe(symmetric.KeyId);
        symmetricAgain.Material.ToArray().ShouldBe(symmetric.Material.ToArray());
        symmetricAgain.Material.Length.ShouldBe(32);
        var rsaAgain = await restarted.Keys.GetActiveRsaKeyAsync("oidc.signing", TestContext.Current.CancellationToken);
        rsaAgain.KeyId.ShouldBe(rsa.KeyId);
        rsaAgain.ExportPkcs8PrivateKey().ShouldBe(rsa.ExportPkcs8PrivateKey());
    }

    [Fact]
    public async Task Restart_WhenMasterKeyDiffers_ThrowsKeyStoreExceptionNamingMasterKey()
    {
        var first = await NodeAsync();
        await first.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken);

        var ex = await Should.ThrowAsync<KeyStoreException>(() => NodeAsync(KeyStoreNode.NewMasterKey()));

        ex.Message.ShouldContain("master key");
        ex.Message.ShouldContain("Qilu:Keys:MasterKey");
    }

    [Fact]
    public async Task Rotate_WhenTwoNodesRotateConcurrently_LeavesExactlyOneActiveKey()
    {
        var a = await NodeAsync();
        var b = await NodeAsync();
        await a.Keys.GetActiveSm2KeyAsync("oidc.signing", TestContext.Current.CancellationToken);

        var rotations = Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => (i % 2 == 0 ? a : b).Keys.RotateAsync("oidc.signing", KeyAlgorithm.Sm2, TestContext.Current.CancellationToken)))
            .ToArray();
        var results = await Task.WhenAll(rotations);

        results.Select(r => r.Id).Distinct().Count().ShouldBe(6);
        var list = await a.Keys.ListAsync("oidc.signing", TestContext.Current.CancellationToken);
        list.Count.ShouldBe(7);
        list.Count(k => k.Status == KeyStatus.Active).ShouldBe(1);
        list.Where(k => k.Status == KeyStatus.Retired).ShouldAllBe(k => k.RetiredAt != null);
    }

    [Fact]
    public async Task GetActive_WhenTwoNodesCreateFirstKeyConcurrently_AgreeOnOneKey()
    {
        var a = await NodeAsync();
        var b = await NodeAsync();

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken))));

        keys.Select(k => k.KeyId).Distinct().ShouldHaveSingleItem();
        (await a.Keys.ListAsync("audit.checkpoint", TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task GetActive_WhenOtherNodeRotated_PicksUpNewKeyAfterRefreshInterval()
    {
        var a = await NodeAsync();
        var b = await NodeAsync();
        var original = await a.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken);

        var rotated = await b.Keys.RotateAsync("audit.checkpoint", KeyAlgorithm.Sm2, TestContext.Current.CancellationToken);

        (await a.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken)).KeyId.ShouldBe(original.KeyId);
        a.Clock.Advance(TimeSpan.FromMinutes(2));
        (await a.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken)).KeyId.ShouldBe(rotated.Id);
    }

    [Fact]
    public async Task Storage_WhenKeyCreated_PrivateMaterialIsEncryptedAtRest()
    {
        var node = await NodeAsync();
        var key = await node.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken);
        var symmetric = await node.Keys.GetActiveSymmetricKeyAsync("field.encryption", TestContext.Current.CancellationToken);

        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeyStoreDbContext>();
        var rows = await db.Keys.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);

        var sm2Row = rows.Single(r => r.Id == key.KeyId);
        Contains(sm2Row.EncryptedPrivateMaterial, key.PrivateKey.ToBytes()).ShouldBeFalse();
        sm2Row.EncryptedPrivateMaterial.Length.ShouldBe(1 + 12 + 32 + 16);
        var symRow = rows.Single(r => r.Id == symmetric.KeyId);
        Contains(symRow.EncryptedPrivateMaterial, symmetric.Material.ToArray()).ShouldBeFalse();
        symRow.PublicMaterial.ShouldBeEmpty();
    }

    [Fact]
    public async Task RsaKeys_WhenRotated_ListBothForJwksAndActiveSignsRs256()
    {
        var node = await NodeAsync();
        var first = await node.Keys.GetActiveRsaKeyAsync("oidc.signing", TestContext.Current.CancellationToken);
        await node.Keys.RotateAsync("oidc.signing", KeyAlgorithm.Rsa, TestContext.Current.CancellationToken);
        var active = await node.Keys.GetActiveRsaKeyAsync("oidc.signing", TestContext.Current.CancellationToken);

        var list = await node.Keys.ListRsaKeysAsync("oidc.signing", TestContext.Current.CancellationToken);
        list.Select(k => k.Id).ShouldBe([active.KeyId, first.KeyId], ignoreOrder: true);
        using var rsa = active.CreateRsa();
        rsa.KeySize.ShouldBe(2048);
        var signature = rsa.SignData("header.payload"u8.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var verifier = RSA.Create();
        verifier.ImportParameters(active.ExportPublicParameters());
        verifier.VerifyData("header.payload"u8.ToArray(), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
    }

    [Fact]
    public async Task SymmetricKey_WhenRotated_OldStillFoundById()
    {
        var node = await NodeAsync();
        var old = await node.Keys.GetActiveSymmetricKeyAsync("field.encryption", TestContext.Current.CancellationToken);
        var rotated = await node.Keys.RotateAsync("field.encryption", KeyAlgorithm.Symmetric, TestContext.Current.CancellationToken);

        var restarted = await NodeAsync();
        var found = await restarted.Keys.FindSymmetricKeyAsync(old.KeyId, TestContext.Current.CancellationToken);

        found!.Material.ToArray().ShouldBe(old.Material.ToArray());
        (await restarted.Keys.GetActiveSymmetricKeyAsync("field.encryption", TestContext.Current.CancellationToken)).KeyId.ShouldBe(rotated.Id);
    }

    [Fact]
    public async Task EcdsaP256Key_WhenRestartedAndRotated_SignsVerifiablyAndStaysListedWithItsPublicKey()
    {
        var node = await NodeAsync();
        var first = await node.Keys.GetActiveEcdsaP256KeyAsync("trust.vc.unit", TestContext.Current.CancellationToken);
        var signature = first.SignData("hashData"u8);

        var restarted = await NodeAsync();
        var again = await restarted.Keys.GetActiveEcdsaP256KeyAsync("trust.vc.unit", TestContext.Current.CancellationToken);
        again.KeyId.ShouldBe(first.KeyId);
        using var verifier = ECDsa.Create();
        verifier.ImportSubjectPublicKeyInfo(again.ExportSubjectPublicKeyInfo(), out _);
        verifier.KeySize.ShouldBe(256);
        signature.Length.ShouldBe(64);
        verifier.VerifyData("hashData"u8, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation).ShouldBeTrue();
        again.ExportCompressedPublicKey()[1..].ShouldBe(verifier.ExportParameters(false).Q.X!);

        var rotated = await restarted.Keys.RotateAsync("trust.vc.unit", KeyAlgorithm.EcdsaP256, TestContext.Current.CancellationToken);
        var listed = await restarted.Keys.ListAsync("trust.vc.unit", TestContext.Current.CancellationToken);
        listed.Select(k => (k.Id, k.Algorithm)).ShouldBe([(rotated.Id, KeyAlgorithm.EcdsaP256), (first.KeyId, KeyAlgorithm.EcdsaP256)], ignoreOrder: true);
        listed.Single(k => k.Id == first.KeyId).PublicKey.ShouldBe(first.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public async Task GetActive_WhenPurposeInvalid_ThrowsArgumentException()
    {
        var node = await NodeAsync();
        await Should.ThrowAsync<ArgumentException>(() => node.Keys.GetActiveSm2KeyAsync("Audit Checkpoint", TestContext.Current.CancellationToken));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

public sealed class SqliteKeyStoreTests : KeyStoreContractTests
{
    private protected override Task<KeyStoreTestDatabase> CreateDatabaseAsync() => Task.FromResult(KeyStoreTestDatabase.Sqlite());
}

public sealed class PostgresKeyStoreTests : KeyStoreContractTests
{
    private protected override Task<KeyStoreTestDatabase> CreateDatabaseAsync() => KeyStoreTestDatabase.PostgresAsync();
}
