using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qilu.Platform.Cryptography.Keys.Data;

namespace Qilu.Platform.Cryptography.Keys;

/// <summary>
/// <see cref="IKeyStore"/> over the <c>keystore</c> table. Decrypted keys are cached by id forever (key material
/// never changes); which key is active is cached for <see cref="KeyStoreOptions.ActiveKeyRefreshInterval"/> so that
/// a rotation on another node is picked up without a database read per signature.
/// </summary>
internal sealed class DatabaseKeyStore(
    IServiceScopeFactory scopes, MasterKey masterKey, TimeProvider clock, IOptions<KeyStoreOptions> options) : IKeyStore, IDisposable
{
    private const int MaxAttempts = 10;
    private readonly ConcurrentDictionary<string, object> _materialById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Sm2PublicKey> _publicKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Purpose, KeyAlgorithm Algorithm), ActiveEntry> _active = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<Sm2SigningKey> GetActiveSm2KeyAsync(string purpose, CancellationToken cancellationToken = default) =>
        (Sm2SigningKey)await GetActiveAsync(purpose, KeyAlgorithm.Sm2, cancellationToken);

    public async Task<SymmetricKey> GetActiveSymmetricKeyAsync(string purpose, CancellationToken cancellationToken = default) =>
        (SymmetricKey)await GetActiveAsync(purpose, KeyAlgorithm.Symmetric, cancellationToken);

    public async Task<RsaKeyMaterial> GetActiveRsaKeyAsync(string purpose, CancellationToken cancellationToken = default) =>
        (RsaKeyMaterial)await GetActiveAsync(purpose, KeyAlgorithm.Rsa, cancellationToken);

    public async Task<EcdsaP256KeyMaterial> GetActiveEcdsaP256KeyAsync(string purpose, CancellationToken cancellationToken = default) =>
        (EcdsaP256KeyMaterial)await GetActiveAsync(purpose, KeyAlgorithm.EcdsaP256, cancellationToken);

    public async Task<Sm2PublicKey?> FindVerificationKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        if (_publicKeys.TryGetValue(keyId, out var cached)) return cached;
        if (_materialById.TryGetValue(keyId, out var material))
            return material is Sm2SigningKey signing ? _publicKeys.GetOrAdd(keyId, signing.PublicKey) : null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeyStoreDbContext>();
        var publicMaterial = await db.Keys.AsNoTracking()
            .Where(k => k.Id == keyId && k.Algorithm == KeyAlgorithm.Sm2)
            .Select(k => k.PublicMaterial)
            .SingleOrDefaultAsync(cancellationToken);
        return publicMaterial is null ? null : _publicKeys.GetOrAdd(keyId, _ => Sm2PublicKey.FromPoint(publicMaterial));
    }

    public async Task<SymmetricKey?> FindSymmetricKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        if (_materialById.TryGetValue(keyId, out var material)) return material as SymmetricKey;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeyStoreDbContext>();
        var row = await db.Keys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.Id == keyId && k.Algorithm == KeyAlgorithm.Symmetric, cancellationToken);
        return row is null ? null : (SymmetricKey)Materialize(row);
    }

    public async Task<IReadOnlyList<KeyInfo>> ListRsaKeysAsync(string purpose, CancellationToken cancellationToken = default)
    {
        KeyPurposes.Validate(purpose);
        var all = await ListAsync(purpose, cancellationToken);
        return [.. all.Where(k => k.Algorithm == KeyAlgorithm.Rsa)];
    }

    public async Task<IReadOnlyList<KeyInfo>> ListAsync(string? purpose = null, CancellationToken cancellationToken = default)
    {
        if (purpose is not null) KeyPurposes.Validate(purpose);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeyStoreDbContext>();
        var query = db.Keys.AsNoTracking();
        if (purpose is not null) query = query.Where(k => k.Purpose == purpose);
        var rows = await query.ToListAsync(cancellationToken);
        // Ordered in memory: SQLite cannot ORDER BY a DateTimeOffset column, and key lists are short.
        return [.. rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).Select(ToInfo)];
    }

    public async Task<KeyInfo> RotateAsync(string purpose, KeyAlgorithm algorithm = KeyAlgorithm.Sm2, CancellationToken cancellationToken = default)
    {
        KeyPurposes.Validate(purpose);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeyStoreDbContext>();
            // SQLite: Microsoft.Data.Sqlite begins IMMEDIATE, so concurrent rotations queue on the write lock.
            // PostgreSQL: the second UPDATE of the same active row waits, then matches no row (stamp changed) and
            // EF raises DbUpdateConcurrencyException; the unique partial index catches two inserts of a first key.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var now = clock.GetUtcNow();
                var current = await db.Keys.SingleOrDefaultAsync(
                    k => k.Purpose == purpose && k.Algorithm == algorithm && k.Status == KeyStatus.Active, cancellationToken);
                if (current is not null)
                {
                    current.Status = KeyStatus.Retired;
                    current.RetiredAt = now;
                    current.ConcurrencyStamp = NewStamp();
                    await db.SaveChangesAsync(cancellationToken);
                }
                var (row, material) = NewKey(purpose, algorithm, now);
                db.Keys.Add(row);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);

                _materialById[row.Id] = material;
                _active[(purpose, algorithm)] = new ActiveEntry(row.Id, now);
                return ToInfo(row);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                _ = ex;
                await transaction.RollbackAsync(CancellationToken.None);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 40) * attempt), cancellationToken);
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<object> GetActiveAsync(string purpose, KeyAlgorithm algorithm, CancellationToken cancellationToken)
    {
        KeyPurposes.Validate(purpose);
        if (TryGetFreshActive(purpose, algorithm, out var cached)) return cached;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (TryGetFreshActive(purpose, algorithm, out cached)) return cached;
            for (var attempt = 1; ; attempt++)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KeyStoreDbContext>();
                var now = clock.GetUtcNow();
                var row = await db.Keys.AsNoTracking().SingleOrDefaultAsync(
                    k => k.Purpose == purpose && k.Algorithm == algorithm && k.Status == KeyStatus.Active, cancellationToken);
                object material;
                if (row is not null)
                {
                    material = Materialize(row);
                }
                else
                {
                    (row, material) = NewKey(purpose, algorithm, now);
                    db.Keys.Add(row);
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    catch (DbUpdateException) when (attempt < MaxAttempts)
                    {
                        // Another node created the first key of this purpose at the same moment: read theirs.
                        continue;
                    }
                    _materialById[row.Id] = material;
                }
                _active[(purpose, algorithm)] = new ActiveEntry(row.Id, now);
                return material;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool TryGetFreshActive(string purpose, KeyAlgorithm algorithm, out object material)
    {
        material = null!;
        return _active.TryGetValue((purpose, algorithm), out var entry)
            && clock.GetUtcNow() - entry.LoadedAt < options.Value.ActiveKeyRefreshInterval
            && _materialById.TryGetValue(entry.KeyId, out material!);
    }

    private object Materialize(KeyRecord row)
    {
        if (_materialById.TryGetValue(row.Id, out var cached)) return cached;
        var secret = masterKey.Unwrap(row.EncryptedPrivateMaterial, row.Id, row.Purpose, row.Algorithm);
        object material;
        switch (row.Algorithm)
        {
            case KeyAlgorithm.Sm2:
                var privateKey = Sm2PrivateKey.FromBytes(secret);
                CryptographicOperations.ZeroMemory(secret);
                if (!privateKey.PublicKey.ToUncompressed().AsSpan().SequenceEqual(row.PublicMaterial))
                    throw new KeyStoreException($"Key '{row.Id}' is inconsistent: its stored public key is not [d]G of its private key.");
                material = new Sm2SigningKey(row.Id, row.Purpose, privateKey);
                break;
            case KeyAlgorithm.Symmetric:
                material = new SymmetricKey(row.Id, row.Purpose, secret);
                break;
            case KeyAlgorithm.Rsa:
                material = new RsaKeyMaterial(row.Id, row.Purpose, row.CreatedAt, secret, row.PublicMaterial);
                break;
            case KeyAlgorithm.EcdsaP256:
                material = new EcdsaP256KeyMaterial(row.Id, row.Purpose, row.CreatedAt, secret, row.PublicMaterial);
                break;
            default:
                throw new KeyStoreException($"Key '{row.Id}' has unknown algorithm {row.Algorithm}.");
        }
        return _materialById.GetOrAdd(row.Id, material);
    }

    private (KeyRecord Row, object Material) NewKey(string purpose, KeyAlgorithm algorithm, DateTimeOffset now)
    {
        var id = $"{Prefix(algorithm)}-{now.UtcDateTime:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        byte[] secret, publicMaterial;
        object material;
        switch (algorithm)
        {
            case KeyAlgorithm.Sm2:
                var key = Sm2PrivateKey.Generate();
                secret = key.ToBytes();
                publicMaterial = key.PublicKey.ToUncompressed();
                material = new Sm2SigningKey(id, purpose, key);
                break;
            case KeyAlgorithm.Symmetric:
                secret = RandomNumberGenerator.GetBytes(32);
                publicMaterial = [];
                material = new SymmetricKey(id, purpose, (byte[])secret.Clone());
                break;
            case KeyAlgorithm.Rsa:
                using (var rsa = RSA.Create(2048))
                {
                    secret = rsa.ExportPkcs8PrivateKey();
                    publicMaterial = rsa.ExportSubjectPublicKeyInfo();
                }
                material = new RsaKeyMaterial(id, purpose, now, (byte[])secret.Clone(), publicMaterial);
                break;
            case KeyAlgorithm.EcdsaP256:
                using (var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                {
                    secret = ec.ExportPkcs8PrivateKey();
                    publicMaterial = ec.ExportSubjectPublicKeyInfo();
                }
                material = new EcdsaP256KeyMaterial(id, purpose, now, (byte[])secret.Clone(), publicMaterial);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm));
        }
        var row = new KeyRecord
        {
            Id = id,
            Purpose = purpose,
            Algorithm = algorithm,
            Status = KeyStatus.Active,
            PublicMaterial = publicMaterial,
            EncryptedPrivateMaterial = masterKey.Wrap(secret, id, purpose, algorithm),
            CreatedAt = now,
            ActivatedAt = now,
            ConcurrencyStamp = NewStamp(),
        };
        CryptographicOperations.ZeroMemory(secret);
        return (row, material);
    }

    private static string Prefix(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Sm2 => "sm2",
        KeyAlgorithm.Symmetric => "sym",
        KeyAlgorithm.Rsa => "rsa",
        KeyAlgorithm.EcdsaP256 => "p256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    private static string NewStamp() => Guid.NewGuid().ToString("D");

    private static KeyInfo ToInfo(KeyRecord row) => new(
        row.Id, row.Purpose, row.Algorithm, row.CreatedAt, row.ActivatedAt, row.RetiredAt, row.PublicMaterial, row.Status);

    private sealed record ActiveEntry(string KeyId, DateTimeOffset LoadedAt);
}
