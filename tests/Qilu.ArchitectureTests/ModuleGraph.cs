namespace Qilu.ArchitectureTests;

/// <summary>
/// The declared module dependency graph (ARCHITECTURE.md rule 2: "module references are acyclic and listed in
/// docs/architecture.md"). A module that starts using another adds the edge here and to docs/architecture.md in the
/// same change; <see cref="ModuleReferenceRule"/> refuses any reference not listed and any cycle.
/// </summary>
public static class ModuleGraph
{
    /// <summary>Edges as (from assembly, to assembly): modules read the organisation through Identity's contracts;
    /// Cases also reads the Matters catalog and drives the Workflow engine.</summary>
    public static readonly IReadOnlyCollection<(string From, string To)> AllowedEdges =
    [
        ("Qilu.Matters", "Qilu.Identity"),
        ("Qilu.Catalog", "Qilu.Identity"),
        ("Qilu.Trust", "Qilu.Identity"),
        ("Qilu.Cases", "Qilu.Identity"),
        ("Qilu.Cases", "Qilu.Matters"),
        ("Qilu.Cases", "Qilu.Workflow"),
        // The catalog names certificate types by Trust's codes; Cases asks Trust to issue and reacts to issued certificates.
        ("Qilu.Matters", "Qilu.Trust"),
        ("Qilu.Cases", "Qilu.Trust"),
        // The hotline dispatches tickets to units found through the organisation directory.
        ("Qilu.Hotline", "Qilu.Identity"),
        // Bad ratings (好差评 差评) published by Cases become hotline tickets (CaseRatedBadly, through the outbox).
        ("Qilu.Hotline", "Qilu.Cases"),
        // Sharing grants and serves catalog resources to units; its verification API asks Trust whether a licence is valid.
        ("Qilu.Sharing", "Qilu.Identity"),
        ("Qilu.Sharing", "Qilu.Catalog"),
        ("Qilu.Sharing", "Qilu.Trust"),
        // Open data opens published catalog entries (ICatalogDirectory, IResourceRows) and reads units through Identity.
        ("Qilu.OpenData", "Qilu.Catalog"),
        ("Qilu.OpenData", "Qilu.Identity"),
        // Notices name the publishing unit and its division through the organisation directory.
        ("Qilu.Notices", "Qilu.Identity"),
    ];
}
