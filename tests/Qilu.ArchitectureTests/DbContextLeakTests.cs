using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Qilu.ArchitectureTests;

/// <summary>
/// ARCHITECTURE.md, module boundaries rule 3: each module owns its data. A public DbContext, or a DbSet/DbContext in a
/// contract signature, would let another module read the tables directly.
/// </summary>
public sealed class DbContextLeakTests
{
    [Fact]
    public void ModuleAssemblies_HaveNoPublicDbContext()
    {
        var leaks = Solution.Modules
            .SelectMany(m => m.Assembly.GetExportedTypes().Where(t => typeof(DbContext).IsAssignableFrom(t)).Select(t => $"{m.Name}: {t.FullName}"))
            .ToList();
        leaks.ShouldBeEmpty();
    }

    [Fact]
    public void ModuleAssemblies_HaveADbContext_SoTheRuleAboveIsNotVacuous()
    {
        Solution.TypesOf(Solution.Get("Qilu.Identity")).ShouldContain(t => typeof(DbContext).IsAssignableFrom(t));
    }

    [Fact]
    public void ContractsAndFrontDoors_PublicSignatures_MentionNoDbContextOrDbSet()
    {
        var leaks = Solution.Modules
            .SelectMany(m => m.Assembly.GetExportedTypes()
                .Where(t => Solution.IsFrontDoor(t) || (t.Namespace ?? "").StartsWith(m.ContractsNamespace, StringComparison.Ordinal)))
            .SelectMany(SignatureLeaks)
            .ToList();
        leaks.ShouldBeEmpty();
    }

    [Fact]
    public void SignatureLeaks_OnSyntheticContract_FindsEveryPlaceADbSetHides()
    {
        var leaks = SignatureLeaks(typeof(LeakyContract));
        leaks.ShouldContain(l => l.Contains("Rows", StringComparison.Ordinal));
        leaks.ShouldContain(l => l.Contains("Open", StringComparison.Ordinal));
        leaks.ShouldContain(l => l.Contains("Use", StringComparison.Ordinal));
        leaks.ShouldContain(l => l.Contains("Many", StringComparison.Ordinal));
        leaks.ShouldNotContain(l => l.Contains("Hidden", StringComparison.Ordinal));
        SignatureLeaks(typeof(Contracts.SampleContract)).ShouldBeEmpty();
    }

    /// <summary>Public and protected members (and base types) whose signature mentions a DbContext or DbSet.</summary>
    internal static IEnumerable<string> SignatureLeaks(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (Mentions(type.BaseType)) yield return $"{type.FullName} derives from {type.BaseType}";
        foreach (var i in type.GetInterfaces().Where(Mentions)) yield return $"{type.FullName} implements {i}";
        foreach (var m in type.GetMembers(all))
        {
            var visible = m switch
            {
                FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
                MethodBase b => b.IsPublic || b.IsFamily || b.IsFamilyOrAssembly,
                PropertyInfo p => p.GetAccessors(true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
                EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
                Type nested => nested.IsNestedPublic || nested.IsNestedFamily,
                _ => false,
            };
            if (!visible) continue;
            var types = m switch
            {
                FieldInfo f => [f.FieldType],
                MethodInfo mi => [mi.ReturnType, .. mi.GetParameters().Select(p => p.ParameterType)],
                ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType).ToArray(),
                PropertyInfo p => [p.PropertyType, .. p.GetIndexParameters().Select(x => x.ParameterType)],
                EventInfo e => [e.EventHandlerType!],
                _ => Array.Empty<Type>(),
            };
            if (types.Any(Mentions)) yield return $"{type.FullName}.{m.Name} exposes a DbContext or DbSet";
            if (m is Type n) foreach (var leak in SignatureLeaks(n)) yield return leak;
        }
    }

    private static bool Mentions(Type? t)
    {
        if (t is null) return false;
        if (t.HasElementType) return Mentions(t.GetElementType());
        if (typeof(DbContext).IsAssignableFrom(t)) return true;
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(DbSet<>)) return true;
        return t.IsGenericType && t.GetGenericArguments().Any(Mentions);
    }

    public sealed class Row
    {
        public int Id { get; set; }
    }

    public sealed class RowsContext : DbContext;

#pragma warning disable CA1822 // members exist only so their signatures can be inspected
    public sealed class LeakyContract
    {
        public DbSet<Row>? Rows { get; set; }

        private DbSet<Row>? Hidden => null;

        public RowsContext? Open() => Hidden is null ? null : null;

        public void Use(Func<DbSet<Row>, int> action) => _ = action;

        public Task<IReadOnlyList<DbSet<Row>[]>>? Many() => null;
    }
#pragma warning restore CA1822
}
