namespace Qilu.SharedKernel.Results;

/// <summary>
/// A failure that a caller can act on: a stable machine code (<c>identifier.checksum</c>), the field it concerns,
/// and a message in Chinese (shown first) and English. Problem-details responses are built from these.
/// </summary>
/// <param name="Code">Stable dotted code, e.g. <c>id_number.check_digit</c>; clients branch on it.</param>
/// <param name="Message">Chinese message for people (zh-CN is the default language).</param>
/// <param name="MessageEn">English message.</param>
/// <param name="Field">The input field the error concerns, in request casing, or null for the whole request.</param>
public sealed record Error(string Code, string Message, string MessageEn, string? Field = null)
{
    /// <summary>The same error attributed to a field (the parser does not know the caller's field name).</summary>
    public Error ForField(string field) => this with { Field = field };

    public override string ToString() => Field is null ? $"{Code}: {MessageEn}" : $"{Field}: {Code}: {MessageEn}";
}

/// <summary>Why an operation failed, so that the HTTP edge can choose the status code without string matching.</summary>
public enum ErrorKind
{
    /// <summary>Input is malformed or breaks a rule (400/422).</summary>
    Validation,
    /// <summary>The thing does not exist or is outside the actor's scope (404: scope hides existence).</summary>
    NotFound,
    /// <summary>The state changed underneath, or the transition is not allowed now (409).</summary>
    Conflict,
    /// <summary>The actor lacks the permission (403).</summary>
    Forbidden,
    /// <summary>The actor is not authenticated or the credentials are wrong (401).</summary>
    Unauthorized,
}
