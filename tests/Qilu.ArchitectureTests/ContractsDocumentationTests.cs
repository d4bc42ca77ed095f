using System.Reflection;
using System.Xml.Linq;
using Shouldly;

namespace Qilu.ArchitectureTests;

/// <summary>
/// ARCHITECTURE.md, Inside a module: Contracts are the only public types and are XML-documented. Checked against the
/// documentation file the compiler wrote next to each module assembly (CS1591 is off solution-wide, so the compiler
/// does not enforce it).
/// </summary>
public sealed class ContractsDocumentationTests
{
    [Fact]
    public void ContractTypesAndFrontDoors_EachHaveAnXmlSummary()
    {
        var missing = Solution.Modules.SelectMany(m => Undocumented(m.Assembly, t => Solution.IsFrontDoor(t) || InContracts(m, t))).ToList();
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void ModuleAssemblies_EachShipADocumentationFile()
    {
        foreach (var module in Solution.Modules)
            File.Exists(Path.ChangeExtension(module.Assembly.Location, ".xml")).ShouldBeTrue(module.Name);
    }

    [Fact]
    public void Check_OnSampleContracts_ReportsOnlyTheUndocumentedOne()
    {
        var fake = new ModuleAssembly(typeof(ContractsDocumentationTests).Assembly, "ArchitectureTests");
        Undocumented(fake.Assembly, t => InContracts(fake, t)).ShouldBe(["Qilu.ArchitectureTests.Contracts.UndocumentedContract"]);
    }

    private static bool InContracts(ModuleAssembly m, Type t) =>
        t.Namespace == m.ContractsNamespace || (t.Namespace ?? "").StartsWith(m.ContractsNamespace + ".", StringComparison.Ordinal);

    internal static IEnumerable<string> Undocumented(Assembly assembly, Func<Type, bool> which)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        var documented = XDocument.Load(path).Descendants("member")
            .Where(m => !string.IsNullOrWhiteSpace(m.Element("summary")?.Value) || m.Element("inheritdoc") is not null)
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);
        return assembly.GetExportedTypes().Where(which)
            .Where(t => !documented.Contains("T:" + t.FullName!.Replace('+', '.')))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal);
    }
}
