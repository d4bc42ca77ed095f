using System.Reflection;
using Qilu.Platform.Modules;

namespace Qilu.ArchitectureTests;

/// <summary>A module assembly: <c>Qilu.&lt;Module&gt;</c> holding a type that implements <see cref="IQiluModule"/>.</summary>
public sealed record ModuleAssembly(Assembly Assembly, string Module)
{
    public string Name => Assembly.GetName().Name!;

    /// <summary>The only namespace (and its children) whose types may be public: <c>Qilu.&lt;Module&gt;.Contracts</c>.</summary>
    public string ContractsNamespace => Name + ".Contracts";
}

/// <summary>
/// The compiled solution as the rules see it: every production <c>Qilu.*</c> assembly in the test's output folder
/// (the project references Qilu.Host, which brings every module). Test assemblies are exempt from the rules.
/// </summary>
public static class Solution
{
    public const string SharedKernel = "Qilu.SharedKernel";
    public const string Platform = "Qilu.Platform";
    public const string Web = "Qilu.Web";
    public const string Host = "Qilu.Host";

    private static readonly Lazy<IReadOnlyList<Assembly>> ProductionAssemblies = new(LoadProductionAssemblies);
    private static readonly Lazy<IReadOnlyList<ModuleAssembly>> ModuleAssemblies = new(FindModules);

    /// <summary>Every Qilu assembly that ships: hosts, shell, shared, engines, modules.</summary>
    public static IReadOnlyList<Assembly> Production => ProductionAssemblies.Value;

    /// <summary>Every module assembly, found by its front door rather than by a list, so a new module is covered at once.</summary>
    public static IReadOnlyList<ModuleAssembly> Modules => ModuleAssemblies.Value;

    public static Assembly Get(string name) => Production.Single(a => a.GetName().Name == name);

    public static bool IsTestAssembly(string name) =>
        name.EndsWith(".Tests", StringComparison.Ordinal) || name.EndsWith("Tests", StringComparison.Ordinal)
        || name is "Qilu.Testing" || name.StartsWith("Qilu.Bench", StringComparison.Ordinal);

    /// <summary>The repository root (where Qilu.slnx lives), for rules that read source-controlled files.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Qilu.slnx"))) return dir.FullName;
            throw new InvalidOperationException("Qilu.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Every type of an assembly, including those a partially loadable assembly can still give.</summary>
    public static IEnumerable<Type> TypesOf(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private static IReadOnlyList<Assembly> LoadProductionAssemblies()
    {
        var names = Directory.EnumerateFiles(AppContext.BaseDirectory, "Qilu.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(n => !IsTestAssembly(n))
            .Order(StringComparer.Ordinal)
            .ToList();
        return [.. names.Select(n => Assembly.Load(new AssemblyName(n)))];
    }

    private static IReadOnlyList<ModuleAssembly> FindModules() =>
        [.. Production
            .Select(a => (Assembly: a, FrontDoor: TypesOf(a).FirstOrDefault(IsFrontDoor)))
            .Where(x => x.FrontDoor is not null)
            .Select(x => new ModuleAssembly(x.Assembly, x.Assembly.GetName().Name!["Qilu.".Length..]))];

    /// <summary>A module's front door: a concrete implementation of <see cref="IQiluModule"/>.</summary>
    public static bool IsFrontDoor(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type is { IsClass: true, IsAbstract: false } && typeof(IQiluModule).IsAssignableFrom(type);
    }
}
