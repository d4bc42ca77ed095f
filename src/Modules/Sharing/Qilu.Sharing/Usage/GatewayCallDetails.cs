namespace Qilu.Sharing.Usage;

/// <summary>
/// The details of a gateway call's audit entry: what the audit trail shows of the call (consumer, grant, purpose,
/// released fields, rows, request hash, status, refusal reason) and what its metering record needs besides the grant
/// (operation, resource, duration). Written by <see cref="Gateway.GatewayPipeline"/>, read back by
/// <see cref="MeteringProjector"/>; serialised with the web defaults (camelCase), as every audit detail is. Entries
/// written before addendum 7 of ADR 0018 lack the last three (their metering records were written with them).
/// </summary>
internal sealed record GatewayCallDetails(
    Guid Call,
    string? Consumer,
    Guid? Grant,
    string? Purpose,
    IReadOnlyCollection<string>? Fields,
    int Rows,
    string RequestHash,
    int Status,
    string? Reason,
    string? Operation,
    Guid? Resource,
    double? DurationMs);
