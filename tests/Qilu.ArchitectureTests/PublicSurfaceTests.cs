using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Migrations;
using Shouldly;

namespace Qilu.ArchitectureTests;

/// <summary>
/// ARCHITECTURE.md, module boundaries rule 1: a module's public types are its front door (the
/// <see cref="Qilu.Platform.Modules.IQiluModule"/> implementation) and the types of its <c>Contracts</c> namespace;
/// everything else is internal.
/// </summary>
/// <remarks>
/// Two kinds of generated type are public by construction and are allowed, narrowly:
/// <list type="bullet">
/// <item>Razor components. The Razor compiler emits <c>public partial class</c> for every <c>.razor</c> file and a
/// code-behind cannot lower it (CS0262, conflicting accessibility), and the router and <c>MapRazorComponents</c> find
/// routable pages through <c>Assembly.ExportedTypes</c>, so an internal page would silently stop being routable. They
/// are allowed only under <c>Qilu.&lt;Module&gt;.UI</c> (where ARCHITECTURE.md puts module pages); Razor's
/// <c>_Imports</c> classes, which carry no behaviour, are allowed anywhere in the module.</item>
/// <item>EF Core migrations. <c>dotnet ef migrations add</c> emits <c>public partial class</c>; EF would find them
/// internal too, but a hand edit after every generation is easy to forget. They carry no behaviour another module
/// could call; the reference rule still forbids using them.</item>
/// </list>
/// </remarks>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void Solution_WhenScanned_FindsEveryModuleByItsFrontDoor()
    {
        // Guards the other rules against passing vacuously because discovery found nothing.
        Solution.Modules.Select(m => m.Name).ShouldContain("Qilu.Identity");
        Solution.Modules.ShouldAllBe(m => m.Name.StartsWith("Qilu.", StringComparison.Ordinal));
    }

    [Fact]
    public void ModuleAssemblies_PublicTypes_AreOnlyFrontDoorContractsAndGeneratedUi()
    {
        var violations = Solution.Modules
            .SelectMany(m => m.Assembly.GetExportedTypes().Where(t => !IsAllowedPublic(m, t))
                .Select(t => $"{m.Name}: {t.FullName} is public; make it internal or move it to {m.ContractsNamespace}"))
            .ToList();
        violations.ShouldBeEmpty();
    }

    [Fact]
    public void ModuleAssemblies_HaveExactlyOneFrontDoor()
    {
        foreach (var module in Solution.Modules)
            Solution.TypesOf(module.Assembly).Count(Solution.IsFrontDoor).ShouldBe(1, module.Name);
    }

    [Fact]
    public void SurfaceRule_OnSyntheticTypes_AllowsContractsAndRejectsFeatureTypes()
    {
        var fake = new ModuleAssembly(typeof(PublicSurfaceTests).Assembly, "ArchitectureTests");
        IsAllowedPublic(fake, typeof(Contracts.SampleContract)).ShouldBeTrue();
        IsAllowedPublic(fake, typeof(Contracts.Nested.SampleNestedContract)).ShouldBeTrue();
        IsAllowedPublic(fake, typeof(PublicSurfaceTests)).ShouldBeFalse();
        IsAllowedPublic(fake, typeof(Samples.SampleComponentOutsideUi)).ShouldBeFalse();
        IsAllowedPublic(fake, typeof(UI.SampleComponent)).ShouldBeTrue();
    }

    [Fact]
    public void InternalsVisibleTo_FromAnyProductionAssembly_GoesOnlyToTestsAndBenchmarks()
    {
        // Rule 1: InternalsVisibleTo reaches a module's own tests only; from a module to another production assembly
        // it would open the module's internals to that assembly.
        var violations = Solution.Production
            .SelectMany(a => a.GetCustomAttributes(typeof(InternalsVisibleToAttribute), false).Cast<InternalsVisibleToAttribute>()
                .Select(v => (From: a.GetName().Name!, To: v.AssemblyName.Split(',')[0].Trim())))
            .Where(e => !Solution.IsTestAssembly(e.To) || IsOtherModulesTests(e.From, e.To))
            .Select(e => $"{e.From} grants InternalsVisibleTo {e.To}")
            .ToList();
        violations.ShouldBeEmpty();
    }

    private static bool IsOtherModulesTests(string from, string to) =>
        Solution.Modules.Any(m => m.Name == from) && to.EndsWith(".Tests", StringComparison.Ordinal)
        && Solution.Modules.Any(m => m.Name != from && to == m.Name + ".Tests");

    internal static bool IsAllowedPublic(ModuleAssembly module, Type type)
    {
        var ns = type.Namespace ?? "";
        if (Solution.IsFrontDoor(type)) return true;
        if (ns == module.ContractsNamespace || ns.StartsWith(module.ContractsNamespace + ".", StringComparison.Ordinal)) return true;
        if (type.Name == "_Imports" && ns.StartsWith(module.Name, StringComparison.Ordinal)) return true;
        var ui = module.Name + ".UI";
        if (typeof(IComponent).IsAssignableFrom(type) && (ns == ui || ns.StartsWith(ui + ".", StringComparison.Ordinal))) return true;
        return typeof(Migration).IsAssignableFrom(type);
    }
}
