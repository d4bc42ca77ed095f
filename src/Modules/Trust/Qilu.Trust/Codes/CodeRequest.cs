namespace Qilu.Trust.Codes;

/// <summary>
/// An official's request (用证请求) made by scanning a personal code: which service, for what purpose, which
/// certificate types. The holder consents or refuses on their own screen; on consent the matching valid certificates are
/// released to the requesting unit only, for a short window.
/// </summary>
internal sealed class CodeRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CodeId { get; set; }

    public string HolderIndex { get; set; } = "";

    public string HolderSubject { get; set; } = "";

    public string OfficialSubject { get; set; } = "";

    public string OfficialName { get; set; } = "";

    public Guid UnitId { get; set; }

    public string UnitName { get; set; } = "";

    public string DivisionCode { get; set; } = "";

    /// <summary>The service being handled (办理事项), as the official stated it.</summary>
    public string Service { get; set; } = "";

    /// <summary>用证事由.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>Requested 证照类型代码, comma-separated.</summary>
    public string TypeCodes { get; set; } = "";

    public CodeRequestStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The holder must decide before this; afterwards the request is expired.</summary>
    public DateTimeOffset DecideBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Ids of the certificate versions released on consent, comma-separated.</summary>
    public string ReleasedIds { get; set; } = "";

    public uint Version { get; set; }

    public IReadOnlyList<string> Types => TypeCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<Guid> Released => [.. ReleasedIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];

    /// <summary>Status as shown, with a pending request past its deadline reported as expired.</summary>
    public string StatusText(DateTimeOffset now) => Status == CodeRequestStatus.Pending && now > DecideBy ? "expired" : Status switch
    {
        CodeRequestStatus.Pending => "pending",
        CodeRequestStatus.Consented => "consented",
        CodeRequestStatus.Refused => "refused",
        _ => "expired",
    };
}

/// <summary>State of a <see cref="CodeRequest"/>.</summary>
internal enum CodeRequestStatus
{
    /// <summary>Waiting for the holder.</summary>
    Pending = 0,
    /// <summary>The holder consented; certificates released.</summary>
    Consented = 1,
    /// <summary>The holder refused.</summary>
    Refused = 2,
    /// <summary>Not decided in time.</summary>
    Expired = 3,
}
