namespace Qilu.ArchitectureTests.Contracts.Nested;

/// <summary>A documented contract type in a child namespace.</summary>
public sealed record SampleNestedContract(int Value);
