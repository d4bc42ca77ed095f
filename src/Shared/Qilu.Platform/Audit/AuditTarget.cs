namespace Qilu.Platform.Audit;

/// <summary>What the action was applied to.</summary>
/// <param name="Type">Kind of object, e.g. <c>case</c>, <c>user</c>, <c>certificate</c>.</param>
/// <param name="Id">Its identifier (never a raw personal identifier: mask or pseudonymise first).</param>
public sealed record AuditTarget(string Type, string Id);
