namespace Qilu.ArchitectureTests.Contracts;

// Sample types the rule functions run against, to prove each rule reports what it should. The test assembly plays a
// module named "ArchitectureTests" (namespaces Qilu.ArchitectureTests.Contracts and .UI).

/// <summary>A documented contract type.</summary>
public sealed record SampleContract(string Name);

public sealed record UndocumentedContract(int Value);
