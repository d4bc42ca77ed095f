namespace Qilu.Workflow.Definitions;

/// <summary>A deployed definition version as stored; never changed after deployment.</summary>
internal sealed class DefinitionRecord
{
    public Guid Id { get; set; }
    public string Key { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string Json { get; set; } = "";
    /// <summary>SHA-256 of the document, to skip redeploying an unchanged one.</summary>
    public string Hash { get; set; } = "";
    public DateTimeOffset DeployedAt { get; set; }
    public string DeployedBy { get; set; } = "";
}
