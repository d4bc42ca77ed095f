using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Qilu.ArchitectureTests;

/// <summary>One entry of BannedSymbols.txt: a documentation ID such as <c>P:System.DateTime.Now</c> or <c>M:System.Random.#ctor</c>.</summary>
public sealed record BannedSymbol(char Kind, string Type, string Member, string[]? Parameters, string Reason)
{
    /// <summary>Parses the analyzer's file format: <c>ID;reason</c> per line, <c>//</c> and <c>#</c> comments.</summary>
    public static IReadOnlyList<BannedSymbol> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var result = new List<BannedSymbol>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('#')) continue;
            var split = line.IndexOf(';', StringComparison.Ordinal);
            var id = split < 0 ? line : line[..split];
            var reason = split < 0 ? "" : line[(split + 1)..];
            var kind = id[0];
            var body = id[2..];
            if (kind == 'T')
            {
                result.Add(new BannedSymbol('T', body, "", null, reason));
                continue;
            }
            string[]? parameters = null;
            var paren = body.IndexOf('(', StringComparison.Ordinal);
            if (paren >= 0)
            {
                parameters = body[(paren + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                body = body[..paren];
            }
            else if (kind == 'M')
            {
                parameters = []; // a method ID without parentheses names the parameterless overload
            }
            var dot = body.LastIndexOf('.');
            result.Add(new BannedSymbol(kind, body[..dot], body[(dot + 1)..].Replace('#', '.'), parameters, reason));
        }
        return result;
    }

    /// <summary>Whether a call target in IL is this symbol (a property is banned through its accessors).</summary>
    public bool Matches(MethodReference method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.DeclaringType.GetElementType().FullName != Type) return false;
        return Kind switch
        {
            'T' => true,
            'P' => method.Name == "get_" + Member || method.Name == "set_" + Member,
            'M' => method.Name == Member && (Parameters is null
                || Parameters.SequenceEqual(method.Parameters.Select(p => p.ParameterType.FullName))),
            _ => false,
        };
    }
}

/// <summary>
/// Scans compiled IL for calls to banned members. The BannedApiAnalyzers catch them in source at build time; this is
/// the belt-and-braces check over what actually shipped (generated code, suppressions, projects that skipped the
/// analyzer).
/// </summary>
public static class BannedApiScanner
{
    public static IReadOnlyList<string> Scan(Assembly assembly, IReadOnlyList<BannedSymbol> banned, Func<TypeDefinition, bool>? typeFilter = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(banned);
        var hits = new List<string>();
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        foreach (var type in AllTypes(module.Types).Where(t => typeFilter is null || Enclosing(t).Any(typeFilter)))
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj or Code.Ldftn or Code.Ldvirtftn)) continue;
                    if (instruction.Operand is not MethodReference target) continue;
                    var symbol = banned.FirstOrDefault(b => b.Matches(target));
                    if (symbol is not null)
                        hits.Add($"{module.Assembly.Name.Name}: {type.FullName}::{method.Name} calls {target.DeclaringType.FullName}::{target.Name} ({symbol.Reason})");
                }
            }
        }
        return hits;
    }

    /// <summary>The type and every type it is nested in (closures and state machines are nested in their method's type).</summary>
    private static IEnumerable<TypeDefinition> Enclosing(TypeDefinition t)
    {
        for (var x = t; x is not null; x = x.DeclaringType) yield return x;
    }

    private static IEnumerable<TypeDefinition> AllTypes(IEnumerable<TypeDefinition> types) =>
        types.SelectMany(t => AllTypes(t.NestedTypes).Prepend(t));
}
