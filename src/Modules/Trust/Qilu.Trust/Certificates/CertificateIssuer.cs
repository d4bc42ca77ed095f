using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Platform.Events;
using Qilu.Trust.Contracts;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Data;
using Qilu.Trust.Seals;
using Qilu.Trust.Signing;

namespace Qilu.Trust.Certificates;

/// <summary>
/// Validates and issues certificate versions for an issuing unit: type and remit, holder identifier, schema, the unit's
/// seal, a random status slot, the 电子证照标识, the canonical form and its SM2 signature, and the
/// <see cref="CertificateIssued"/> event in the outbox (saved in the same transaction). Shared by the API use cases
/// (single and batch), the integration-event handler and the benchmark; the caller saves.
/// Signatures are made in <see cref="SaveAsync"/>, all pending ones at once and in parallel: the SM2 signature is the
/// one CPU-heavy step of issuance, and a batch of a thousand certificates would otherwise sign on a single core.
/// </summary>
internal sealed partial class CertificateIssuer(TrustDbContext db, IFieldProtector protector, IKeyStore keys, TimeProvider clock,
    IOptions<TrustOptions> options, IPersonDirectory people)
{
    private const string SerialSymbols = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private readonly Dictionary<string, CertificateType> _types = [];
    private readonly Dictionary<string, List<SchemaField>> _schemas = [];
    private readonly List<(IssuedCertificate Certificate, Sm2SigningKey Key)> _unsigned = [];
    private StatusSlots? _slots;

    /// <summary>
    /// For many certificates in one transaction: the status slots load the current list's taken indexes once instead of
    /// checking each random pick with a query.
    /// </summary>
    public bool BatchMode { get; set; }

    /// <summary>What to issue.</summary>
    public sealed record Draft(string? TypeCode, string? HolderName, string? HolderIdentifier, DateOnly? ValidUntil,
        IReadOnlyDictionary<string, string>? Fields);

    /// <summary>Checks the draft and adds the signed certificate to the context (not saved).</summary>
    public async Task<Result<IssuedCertificate>> IssueAsync(UnitInfo unit, Draft draft, string createdBy, Guid? requestId, CancellationToken ct)
    {
        var errors = new List<Error>();
        var type = draft.TypeCode is null ? null : await TypeAsync(draft.TypeCode, ct);
        if (type is null)
            return Result<IssuedCertificate>.Failure(new Error("certificate.type", $"证照类型“{draft.TypeCode}”不存在", $"Unknown certificate type '{draft.TypeCode}'", "typeCode"));
        if (type.IssuerKind != unit.Kind)
            return Result<IssuedCertificate>.Failure(new Error("certificate.remit", $"{unit.Name}无权颁发“{type.Name}”（应由 {type.IssuerKind} 类部门颁发）",
                $"{unit.Name} may not issue '{type.NameEn}' (issued by {type.IssuerKind} units)", "typeCode"), ErrorKind.Forbidden);
        var name = draft.HolderName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
            errors.Add(new Error("certificate.holder_name", "请填写持证主体名称（不超过 100 字）", "The holder's name is required (at most 100 characters)", "holderName"));
        var holder = HolderIdentifier.Parse(draft.HolderIdentifier, type.HolderKind, clock);
        if (!holder.IsSuccess) errors.AddRange(holder.Errors);
        var fields = ValidateFields(type, Schema(type), draft.Fields ?? new Dictionary<string, string>(), errors);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var validUntil = draft.ValidUntil ?? (type.ValidityYears is { } y ? today.AddYears(y).AddDays(-1) : null);
        if (validUntil is { } until && until <= today)
            errors.Add(new Error("certificate.valid_until", "有效期截止日期应晚于今天", "The end of validity must be after today", "validUntil"));
        if (errors.Count > 0) return Result<IssuedCertificate>.Failure(errors);

        var seal = await IssuingSealAsync(unit.Id, ct);
        if (seal is null)
            return Result<IssuedCertificate>.Failure(new Error("certificate.no_seal", $"{unit.Name}没有在用的公章或业务专用章，无法签发",
                $"{unit.Name} has no official or business seal in use to sign with", "sealId"), ErrorKind.Conflict);

        _slots ??= new StatusSlots(db, clock) { Preload = BatchMode };
        var (listId, index) = await _slots.NextAsync(ct);
        var serial = _reissuing?.Serial ?? RandomNumberGenerator.GetString(SerialSymbols, 20);
        var versionNumber = (_reissuing?.VersionNumber ?? 0) + 1;
        var licenceId = LicenceIdentifier.Create(type.Code, unit.CreditCode, serial, versionNumber);
        if (!licenceId.IsSuccess) return Result<IssuedCertificate>.Failure(licenceId.Errors);
        var now = clock.GetUtcNow();
        var h = holder.Value;
        var certificate = new IssuedCertificate
        {
            LicenceId = licenceId.Value.ToString(), Serial = serial, VersionNumber = versionNumber, TypeCode = type.Code, HolderName = name!,
            HolderIdType = h.TypeCode, HolderIdProtected = protector.Protect(h.Value), HolderIdIndex = h.Index(protector),
            HolderIdMasked = h.Masked, IssuerUnitId = unit.Id, IssuerName = unit.Name, IssuerCode = unit.CreditCode,
            DivisionCode = unit.DivisionCode, IssuedOn = today, ValidUntil = validUntil, FieldsJson = fields.ToJsonString(TrustJson.Options),
            SealId = seal.Id, SealCertificateSerial = seal.CertificateSerial!, Status = CertificateStatus.Valid,
            StatusListId = listId, StatusIndex = index, RequestId = requestId, CreatedAt = now, CreatedBy = createdBy,
        };
        _unsigned.Add((certificate, await CanonicaliseAsync(certificate, type, h, seal, ct)));
        db.Certificates.Add(certificate);
        await PublishIssuedAsync(certificate, type, h, fields, ct);
        return certificate;
    }

    /// <summary>
    /// Tells the other modules the certificate exists (<see cref="CertificateIssued"/>), or, for a 变更, that it has a new
    /// version (<see cref="CertificateReissued"/>). The holder's identifier stays here: a person holder is resolved to
    /// their account (by the Identity module's blind index) and only the account id and a masked form travel.
    /// </summary>
    private async Task PublishIssuedAsync(IssuedCertificate c, CertificateType type, HolderIdentifier holder, JsonObject fields, CancellationToken ct)
    {
        var subject = holder.TypeCode == HolderIdentifier.PersonCode ? (await people.FindByIdNumberAsync(holder.Value, ct))?.SubjectId : null;
        var values = fields.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal);
        if (_reissuing is { } previous)
        {
            db.Publish(new CertificateReissued(c.Id, c.LicenceId, c.VersionNumber, previous.Id, previous.LicenceId, _reissueReason ?? "",
                c.TypeCode, type.Name, c.HolderName, type.HolderKind, c.HolderIdMasked, subject, c.IssuerUnitId, c.IssuerName, c.DivisionCode,
                c.IssuedOn, c.ValidUntil, values) { OccurredAt = c.CreatedAt });
            return;
        }
        db.Publish(new CertificateIssued(c.Id, c.LicenceId, c.TypeCode, type.Name, c.HolderName, type.HolderKind, c.HolderIdMasked, subject,
            c.IssuerUnitId, c.IssuerName, c.DivisionCode, c.IssuedOn, c.ValidUntil, c.RequestId, values) { OccurredAt = c.CreatedAt });
    }

    /// <summary>Writes the canonical form and the seal's signature over it.</summary>
    public async Task SignAsync(IssuedCertificate certificate, CertificateType type, HolderIdentifier holder, Seal seal, CancellationToken ct)
    {
        var key = await CanonicaliseAsync(certificate, type, holder, seal, ct);
        certificate.Signature = key.Sign(CertificateDocument.Utf8(certificate.CanonicalJson));
    }

    /// <summary>Writes the canonical form; returns the seal's signing key.</summary>
    private async Task<Sm2SigningKey> CanonicaliseAsync(IssuedCertificate certificate, CertificateType type, HolderIdentifier holder, Seal seal,
        CancellationToken ct)
    {
        var document = CertificateDocument.Build(certificate, type, holder, CertificateDocument.NewSalt(),
            options.Value.StatusListUrl(certificate.StatusListId));
        certificate.CanonicalJson = CanonicalJson.Serialize(document);
        return await keys.GetActiveSm2KeyAsync(seal.KeyPurpose, ct);
    }

    /// <summary>Signs the pending certificates, then saves them and the status-list counts in one transaction.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        SignPending();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (_slots is not null) await _slots.CommitCountsAsync(ct);
            await tx.CommitAsync(ct);
        });
    }

    private void SignPending()
    {
        var pending = _unsigned.ToArray();
        _unsigned.Clear();
        static void Sign((IssuedCertificate Certificate, Sm2SigningKey Key) p) =>
            p.Certificate.Signature = p.Key.Sign(CertificateDocument.Utf8(p.Certificate.CanonicalJson));
        if (pending.Length < 16)
            foreach (var p in pending) Sign(p);
        else
            Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Sign);
    }

    private List<SchemaField> Schema(CertificateType type)
    {
        if (!_schemas.TryGetValue(type.Code, out var schema))
            _schemas[type.Code] = schema = JsonSerializer.Deserialize<List<SchemaField>>(type.SchemaJson, TrustJson.Options) ?? [];
        return schema;
    }

    public async Task<CertificateType?> TypeAsync(string code, CancellationToken ct)
    {
        if (_types.TryGetValue(code, out var cached)) return cached;
        var type = await db.CertificateTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct);
        if (type is not null) _types[code] = type;
        return type;
    }

    private Seal? _seal;

    private async Task<Seal?> IssuingSealAsync(Guid unitId, CancellationToken ct)
    {
        if (_seal?.UnitId == unitId) return _seal;
        var now = clock.GetUtcNow();
        var seals = await db.Seals.AsNoTracking()
            .Where(s => s.UnitId == unitId && s.Status == SealStatus.InUse && (s.Type == SealType.Business || s.Type == SealType.Official))
            .ToListAsync(ct);
        _seal = seals.Where(s => SealUsability.Refusal(s, now) is null).OrderByDescending(s => s.Type == SealType.Business).FirstOrDefault();
        return _seal;
    }

    internal static JsonObject ValidateFields(CertificateType type, List<SchemaField> schema, IReadOnlyDictionary<string, string> values,
        List<Error> errors)
    {
        var result = new JsonObject();
        foreach (var name in values.Keys.Where(k => schema.All(f => f.Name != k)))
            errors.Add(new Error("certificate.field_unknown", $"“{type.Name}”没有字段“{name}”", $"'{type.NameEn}' has no field '{name}'", $"fields.{name}"));
        foreach (var f in schema)
        {
            var value = values.TryGetValue(f.Name, out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(value))
            {
                if (f.Required) errors.Add(new Error("certificate.field_required", $"请填写“{f.Label}”", $"'{f.Name}' is required", $"fields.{f.Name}"));
                continue;
            }
            if (value.Length > f.MaxLength)
                errors.Add(new Error("certificate.field_length", $"“{f.Label}”不超过 {f.MaxLength} 字", $"'{f.Name}' is at most {f.MaxLength} characters", $"fields.{f.Name}"));
            else if (f.Pattern is not null && !Regex.IsMatch(value, f.Pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)))
                errors.Add(new Error("certificate.field_format", $"“{f.Label}”格式不正确", $"'{f.Name}' has the wrong format", $"fields.{f.Name}"));
            else result[f.Name] = value;
        }
        return result;
    }
}
