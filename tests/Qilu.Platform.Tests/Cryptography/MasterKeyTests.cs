using Microsoft.Extensions.Logging;
using Qilu.Platform.Cryptography.Keys;
using Shouldly;

namespace Qilu.Platform.Tests.Cryptography;

public sealed class MasterKeyTests : IAsyncDisposable
{
    private readonly KeyStoreTestDatabase _database = KeyStoreTestDatabase.Sqlite();
    private readonly string _dataDir = Directory.CreateTempSubdirectory("qilu-data-").FullName;

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task Start_WhenNoMasterKeyButDataDirectory_GeneratesFileWithMode600AndWarns()
    {
        await using var node = await KeyStoreNode.StartAsync(_database.Connection, masterKey: null, _dataDir);

        var path = Path.Combine(_dataDir, "keys", "master.key");
        File.Exists(path).ShouldBeTrue();
        Convert.FromBase64String(File.ReadAllText(path)).Length.ShouldBe(32);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        node.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("production") && e.Message.Contains("HSM"));
    }

    [Fact]
    public async Task Restart_WhenGeneratedMasterKeyFileReused_ReturnsSameKey()
    {
        string keyId;
        await using (var first = await KeyStoreNode.StartAsync(_database.Connection, null, _dataDir))
            keyId = (await first.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken)).KeyId;

        await using var second = await KeyStoreNode.StartAsync(_database.Connection, null, _dataDir);

        (await second.Keys.GetActiveSm2KeyAsync("audit.checkpoint", TestContext.Current.CancellationToken)).KeyId.ShouldBe(keyId);
    }

    [Fact]
    public async Task Start_WhenNoMasterKeyAndNoDataDirectory_ThrowsKeyStoreExceptionExplainingFix()
    {
        var ex = await Should.ThrowAsync<KeyStoreException>(() => KeyStoreNode.StartAsync(_database.Connection, masterKey: null));
        ex.Message.ShouldContain("Qilu:Keys:MasterKey");
    }

    [Theory]
    [InlineData("not base64!!", "base64")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==", "32 bytes")]
    public async Task Start_WhenMasterKeyMalformed_ThrowsKeyStoreExceptionWithReason(string masterKey, string reason)
    {
        var ex = await Should.ThrowAsync<KeyStoreException>(() => KeyStoreNode.StartAsync(_database.Connection, masterKey));
        ex.Message.ShouldContain(reason);
    }

    [Fact]
    public async Task Start_WhenConfiguredMasterKey_DoesNotWriteFile()
    {
        await using var node = await KeyStoreNode.StartAsync(_database.Connection, KeyStoreNode.NewMasterKey(), _dataDir);
        File.Exists(Path.Combine(_dataDir, "keys", "master.key")).ShouldBeFalse();
        node.Logs.Entries.ShouldNotContain(e => e.Level == LogLevel.Warning);
    }
}
