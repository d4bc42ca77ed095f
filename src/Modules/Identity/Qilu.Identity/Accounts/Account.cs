using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Accounts;

/// <summary>
/// A person's account. ID number and phone are stored encrypted (SM4) with a blind index (HMAC-SM3) for look-up;
/// the plaintext never reaches the database.
/// </summary>
internal sealed class Account
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public Guid Id { get; init; } = Guid.NewGuid();

    public required AccountKind Kind { get; init; }

    /// <summary>Sign-in name (officials: work name; citizens: usually the phone or ID number's blind form is not used).</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public string PasswordHash { get; set; } = "";

    /// <summary>ID number, SM4-encrypted (versioned ciphertext string).</summary>
    public string? IdNumberProtected { get; set; }

    /// <summary>HMAC-SM3 blind index of the normalised ID number, unique among accounts.</summary>
    public string? IdNumberIndex { get; set; }

    /// <summary>Masked ID number kept for display so lists need not decrypt (3701**********1234).</summary>
    public string? IdNumberMasked { get; set; }

    public string? PhoneProtected { get; set; }

    public string? PhoneIndex { get; set; }

    public string? PhoneMasked { get; set; }

    public RealNameLevel RealNameLevel { get; set; }

    /// <summary>Officials only: the unit they act for.</summary>
    public Guid? DepartmentId { get; set; }

    /// <summary>Officials: the unit's division; citizens: residence division (for scope of officials' reads).</summary>
    public string? DivisionCode { get; set; }

    public AccountStatus Status { get; set; } = AccountStatus.Active;

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>TOTP shared secret (RFC 6238), SM4-encrypted.</summary>
    public string? TotpSecretProtected { get; set; }

    public bool TotpEnabled { get; set; }

    /// <summary>Last accepted TOTP time step, so one code is never accepted twice.</summary>
    public long LastTotpStep { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>Optimistic concurrency: a concurrent edit answers 409 instead of overwriting.</summary>
    public uint Version { get; set; }

    public List<AccountRole> Roles { get; init; } = [];

    /// <summary>
    /// The account as the actor of its own sign-in audit entry (no session exists yet while signing in, so the request's
    /// actor would be anonymous). Permissions are irrelevant there and left empty.
    /// </summary>
    public Actor AsSigningInActor() => new(Kind == AccountKind.Official ? ActorKind.Official : ActorKind.Citizen,
        Id.ToString(), DisplayName, DivisionCode, DepartmentId, new HashSet<string>(), new HashSet<string>(), RealNameLevel);

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Records a failed sign-in; locks the account after <see cref="MaxFailedSignIns"/> in a row.</summary>
    public bool RecordFailedSignIn(DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns < MaxFailedSignIns) return false;
        LockedUntil = now + LockoutDuration;
        FailedSignIns = 0;
        return true;
    }

    public void RecordSignIn(DateTimeOffset now)
    {
        FailedSignIns = 0;
        LockedUntil = null;
        LastSignInAt = now;
    }

    public void Unlock()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    public Result<Account> Disable()
    {
        if (Status == AccountStatus.Disabled)
            return Result<Account>.Failure(new Error("account.already_disabled", "账号已停用", "The account is already disabled"), ErrorKind.Conflict);
        Status = AccountStatus.Disabled;
        return this;
    }
}

/// <summary>A role held by an account.</summary>
internal sealed class AccountRole
{
    public Guid AccountId { get; init; }

    public required string RoleCode { get; init; }

    public DateTimeOffset GrantedAt { get; init; }

    public string GrantedBy { get; init; } = "";
}
