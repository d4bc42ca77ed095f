using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Qilu.ArchitectureTests;

/// <summary>A type one assembly uses from another, as recorded in its metadata (TypeRef table).</summary>
public sealed record TypeUse(string Assembly, string Namespace, string Name)
{
    public string FullName => Namespace.Length == 0 ? Name : Namespace + "." + Name;
}

/// <summary>What an assembly's metadata says it depends on: the assemblies it references and the types it uses.</summary>
public sealed record AssemblyFacts(string Name, IReadOnlyCollection<string> References, IReadOnlyCollection<TypeUse> TypesUsed)
{
    /// <summary>Reads the facts from the compiled file: every AssemblyRef and every TypeRef resolved to its assembly.</summary>
    public static AssemblyFacts Read(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var references = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
        var uses = new List<TypeUse>();
        foreach (var handle in md.TypeReferences)
        {
            // A nested type's scope is its declaring TypeRef; walk out to the top-level type and its assembly.
            var outer = md.GetTypeReference(handle);
            while (outer.ResolutionScope.Kind == HandleKind.TypeReference)
                outer = md.GetTypeReference((TypeReferenceHandle)outer.ResolutionScope);
            if (outer.ResolutionScope.Kind != HandleKind.AssemblyReference) continue;
            var target = md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)outer.ResolutionScope).Name);
            uses.Add(new TypeUse(target, md.GetString(outer.Namespace), md.GetString(outer.Name)));
        }
        return new AssemblyFacts(assembly.GetName().Name!, references, uses);
    }
}

/// <summary>
/// ARCHITECTURE.md, module boundaries rule 2: a module uses another only through that module's <c>Contracts</c>, only
/// along an edge declared in <see cref="ModuleGraph.AllowedEdges"/>, and the declared edges form no cycle. No module
/// references the host, which composes them. A pure function over metadata facts, so it can be run over synthetic
/// modules as well as the real ones.
/// </summary>
public static class ModuleReferenceRule
{
    public static IReadOnlyList<string> Violations(IReadOnlyCollection<string> modules,
        IReadOnlyCollection<(string From, string To)> allowedEdges, IEnumerable<AssemblyFacts> assemblies)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(allowedEdges);
        ArgumentNullException.ThrowIfNull(assemblies);
        var violations = new List<string>();
        foreach (var a in assemblies.Where(a => modules.Contains(a.Name)))
        {
            if (a.References.Contains(Solution.Host))
                violations.Add($"{a.Name} references {Solution.Host}; the host composes modules, never the other way");
            foreach (var other in a.References.Where(r => r != a.Name && modules.Contains(r)))
            {
                if (!allowedEdges.Contains((a.Name, other)))
                    violations.Add($"{a.Name} references {other}, an edge not declared in ModuleGraph.AllowedEdges (and docs/architecture.md)");
                var contracts = other + ".Contracts";
                violations.AddRange(a.TypesUsed
                    .Where(u => u.Assembly == other && u.Namespace != contracts && !u.Namespace.StartsWith(contracts + ".", StringComparison.Ordinal))
                    .Select(u => u.FullName).Distinct().Order(StringComparer.Ordinal)
                    .Select(t => $"{a.Name} uses {t} from {other} outside {contracts}"));
            }
        }
        violations.AddRange(Cycles(allowedEdges).Select(c => "Declared module edges form a cycle: " + string.Join(" -> ", c)));
        return violations;
    }

    /// <summary>Every elementary cycle found by depth-first search, each reported once from its smallest member.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyCollection<(string From, string To)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var found = new List<IReadOnlyList<string>>();
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            var path = new List<string> { start };
            Walk(start);

            void Walk(string node)
            {
                foreach (var to in next.GetValueOrDefault(node) ?? [])
                {
                    if (to == start) found.Add([.. path, start]);
                    else if (!path.Contains(to) && string.CompareOrdinal(to, start) > 0)
                    {
                        path.Add(to);
                        Walk(to);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
        }
        return found;
    }
}
