using System.Text.Json;
using Qilu.SharedKernel.Actors;

namespace Qilu.Platform.Audit;

/// <summary>
/// What a caller asks the audit log to record. The log assigns the sequence number and the timestamp.
/// Personal data in <see cref="Details"/>, <see cref="Target"/> and names must already be masked by the caller:
/// the log is append-only, so anything written here can never be erased before the retention period ends.
/// </summary>
/// <param name="Action">Dotted lower-case action name, e.g. <c>identity.signin.failed</c>.</param>
/// <param name="Outcome">How the action ended.</param>
public sealed record AuditRecord(string Action, AuditOutcome Outcome)
{
    /// <summary>Stable account or client id of the actor; empty for anonymous.</summary>
    public string ActorId { get; init; } = "";

    /// <summary>Kind of actor.</summary>
    public ActorKind ActorKind { get; init; } = ActorKind.Anonymous;

    /// <summary>Display name of the actor; the log masks it (first character kept) before writing.</summary>
    public string ActorName { get; init; } = "";

    /// <summary>行政区划代码 of the actor's unit, if any.</summary>
    public string? DivisionCode { get; init; }

    /// <summary>What the action was applied to.</summary>
    public AuditTarget? Target { get; init; }

    /// <summary>A small JSON object with action-specific facts (masked); at most 8 KiB once serialised.</summary>
    public JsonElement? Details { get; init; }

    /// <summary>
    /// The details already in their canonical compact text (<see cref="AuditLeafCodec.CanonicalDetails"/>'s form), set
    /// by <see cref="AuditEventWriter"/>, which serialises a module's details object straight to that text; takes the
    /// place of <see cref="Details"/>. It spares every audited call a round trip through a <see cref="JsonElement"/> (a
    /// serialisation, a parse and a second serialisation) on the request's thread (ADR 0018 addendum 9).
    /// </summary>
    internal string? CanonicalDetailsText { get; init; }

    /// <summary>Client IP address as seen by the server.</summary>
    public string? SourceIp { get; init; }

    /// <summary>W3C trace id of the request, to join the entry with traces and logs.</summary>
    public string? TraceId { get; init; }

    /// <summary>A record attributed to <paramref name="actor"/>.</summary>
    public static AuditRecord For(Actor actor, string action, AuditOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditRecord(action, outcome)
        {
            ActorId = actor.SubjectId,
            ActorKind = actor.Kind,
            ActorName = actor.DisplayName,
            DivisionCode = actor.DivisionCode,
        };
    }
}
