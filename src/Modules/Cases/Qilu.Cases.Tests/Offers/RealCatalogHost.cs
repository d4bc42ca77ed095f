namespace Qilu.Cases.Tests.Offers;

/// <summary>The Cases host on the Matters module's real demo catalog (新生儿出生一件事 as seeded) and the real Trust module with its demo seals.</summary>
public sealed class RealCatalogHost() : CasesHost(false);
