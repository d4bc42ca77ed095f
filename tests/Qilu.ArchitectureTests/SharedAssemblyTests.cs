using NetArchTest.Rules;
using Shouldly;

namespace Qilu.ArchitectureTests;

/// <summary>
/// The shared assemblies sit under every module: they must not know any module, the shell or the host, and the
/// kernel stays free of frameworks so that identifiers and results mean the same everywhere (ARCHITECTURE.md, Layout).
/// </summary>
public sealed class SharedAssemblyTests
{
    private static readonly string[] KernelForbiddenPrefixes =
        ["Qilu.", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Npgsql"];

    [Theory]
    [InlineData(Solution.SharedKernel)]
    [InlineData(Solution.Platform)]
    public void SharedAssembly_References_NoModuleShellOrHost(string name)
    {
        var forbidden = Solution.Modules.Select(m => m.Name).Append(Solution.Web).Append(Solution.Host).ToHashSet();
        var references = Solution.Get(name).GetReferencedAssemblies().Select(r => r.Name!).ToList();
        references.Where(forbidden.Contains).ShouldBeEmpty();

        // NetArchTest reads method bodies too, so a use that the compiler would not record as an assembly reference
        // (a type name only in IL) is caught as well.
        var result = Types.InAssembly(Solution.Get(name)).ShouldNot().HaveDependencyOnAny([.. forbidden]).GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void SharedKernel_References_NothingQiluAspNetCoreOrEfCore()
    {
        var references = Solution.Get(Solution.SharedKernel).GetReferencedAssemblies().Select(r => r.Name!).ToList();
        references.ShouldNotBeEmpty();
        references.Where(r => KernelForbiddenPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal))).ShouldBeEmpty();

        var result = Types.InAssembly(Solution.Get(Solution.SharedKernel)).ShouldNot()
            .HaveDependencyOnAny("Qilu.Platform", "Qilu.Web", "Qilu.Host", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql")
            .GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void DependencyCheck_OnPlatform_SeesItsEfCoreUse()
    {
        // The same NetArchTest query must fail where the dependency exists, or the checks above prove nothing.
        var result = Types.InAssembly(Solution.Get(Solution.Platform)).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult();
        result.IsSuccessful.ShouldBeFalse();
    }
}
