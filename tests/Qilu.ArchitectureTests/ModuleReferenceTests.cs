using Shouldly;

namespace Qilu.ArchitectureTests;

public sealed class ModuleReferenceTests
{
    [Fact]
    public void Modules_WhenCompiled_ReferenceOtherModulesOnlyThroughContractsAlongDeclaredEdges()
    {
        var modules = Solution.Modules.Select(m => m.Name).ToHashSet();
        var violations = ModuleReferenceRule.Violations(modules, ModuleGraph.AllowedEdges,
            Solution.Production.Select(AssemblyFacts.Read));
        violations.ShouldBeEmpty();
    }

    [Fact]
    public void DeclaredEdges_OnlyNameExistingModules()
    {
        var modules = Solution.Modules.Select(m => m.Name).ToHashSet();
        ModuleGraph.AllowedEdges.Where(e => !modules.Contains(e.From) || !modules.Contains(e.To)).ShouldBeEmpty();
    }

    [Fact]
    public void AssemblyFacts_OfIdentity_SeeItsUseOfThePlatform()
    {
        // The metadata reader must see real cross-assembly uses, or the rule above would pass on empty facts.
        var facts = AssemblyFacts.Read(Solution.Get("Qilu.Identity"));
        facts.References.ShouldContain(Solution.Platform);
        facts.TypesUsed.ShouldContain(u => u.Assembly == Solution.Platform && u.FullName == "Qilu.Platform.Modules.IQiluModule");
    }

    [Fact]
    public void Rule_WhenHotlineUsesCasesContractsAlongDeclaredEdge_Passes()
    {
        var violations = ModuleReferenceRule.Violations(SyntheticModules, [("Qilu.Hotline", "Qilu.Cases")],
            [Facts("Qilu.Hotline", ["Qilu.Cases", "Qilu.Platform"], Use("Qilu.Cases", "Qilu.Cases.Contracts", "CaseClosed"),
                Use("Qilu.Cases", "Qilu.Cases.Contracts.Queries", "ICaseQueries"))]);
        violations.ShouldBeEmpty();
    }

    [Fact]
    public void Rule_WhenHotlineUsesCasesInternals_ReportsEachType()
    {
        var violations = ModuleReferenceRule.Violations(SyntheticModules, [("Qilu.Hotline", "Qilu.Cases")],
            [Facts("Qilu.Hotline", ["Qilu.Cases"], Use("Qilu.Cases", "Qilu.Cases.Data", "CasesDbContext"),
                Use("Qilu.Cases", "Qilu.Cases.ContractsExtra", "Sneaky"), Use("Qilu.Cases", "Qilu.Cases.Contracts", "CaseClosed"))]);
        violations.ShouldBe([
            "Qilu.Hotline uses Qilu.Cases.ContractsExtra.Sneaky from Qilu.Cases outside Qilu.Cases.Contracts",
            "Qilu.Hotline uses Qilu.Cases.Data.CasesDbContext from Qilu.Cases outside Qilu.Cases.Contracts",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Rule_WhenEdgeIsNotDeclared_ReportsTheReference()
    {
        var violations = ModuleReferenceRule.Violations(SyntheticModules, [],
            [Facts("Qilu.Hotline", ["Qilu.Cases"], Use("Qilu.Cases", "Qilu.Cases.Contracts", "CaseClosed"))]);
        violations.ShouldHaveSingleItem().ShouldContain("Qilu.Hotline references Qilu.Cases, an edge not declared");
    }

    [Fact]
    public void Rule_WhenDeclaredEdgesCycle_ReportsTheCycle()
    {
        var violations = ModuleReferenceRule.Violations(SyntheticModules,
            [("Qilu.Hotline", "Qilu.Cases"), ("Qilu.Cases", "Qilu.Matters"), ("Qilu.Matters", "Qilu.Hotline")], []);
        violations.ShouldBe(["Declared module edges form a cycle: Qilu.Cases -> Qilu.Matters -> Qilu.Hotline -> Qilu.Cases"]);
    }

    [Fact]
    public void Rule_WhenModuleReferencesHost_ReportsIt()
    {
        var violations = ModuleReferenceRule.Violations(SyntheticModules, [], [Facts("Qilu.Cases", ["Qilu.Host"])]);
        violations.ShouldHaveSingleItem().ShouldStartWith("Qilu.Cases references Qilu.Host");
    }

    [Fact]
    public void Rule_WhenSharedAssemblyIsUsed_DoesNotCountItAsAModule()
    {
        ModuleReferenceRule.Violations(SyntheticModules, [],
            [Facts("Qilu.Cases", ["Qilu.Platform", "Qilu.SharedKernel", "Qilu.Web"], Use("Qilu.Platform", "Qilu.Platform.Audit", "AuditLog"))])
            .ShouldBeEmpty();
    }

    private static readonly HashSet<string> SyntheticModules = ["Qilu.Hotline", "Qilu.Cases", "Qilu.Matters"];

    private static AssemblyFacts Facts(string name, string[] references, params TypeUse[] uses) => new(name, references, uses);

    private static TypeUse Use(string assembly, string ns, string name) => new(assembly, ns, name);
}
