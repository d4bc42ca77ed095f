namespace Qilu.Workflow.Contracts;

/// <summary>A deployed process definition version.</summary>
/// <param name="Id">Id of this version.</param>
/// <param name="Key">Definition key (stable across versions).</param>
/// <param name="Version">Version number, 1 upwards.</param>
/// <param name="Name">Display name.</param>
/// <param name="DeployedAt">When it was deployed (UTC).</param>
/// <param name="DeployedBy">Who deployed it.</param>
/// <param name="Json">The definition document as deployed.</param>
public sealed record DefinitionSummary(Guid Id, string Key, int Version, string Name, DateTimeOffset DeployedAt, string DeployedBy, string? Json = null);
