using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Microsoft.AspNetCore.Routing;
using Shouldly;

namespace Qilu.ArchitectureTests;

/// <summary>
/// ARCHITECTURE.md, Inside a module: one use case = one file. A use case is a static class with a
/// <c>Map(IEndpointRouteBuilder)</c> method; the portable PDB says which source file each one's <c>Map</c> was compiled
/// from, and that file must be named after the class (<c>SubmitTicket.cs</c>, or <c>SubmitTicket.Endpoint.cs</c> once
/// split) and hold no other use case.
/// </summary>
public sealed class UseCaseFileTests
{
    [Fact]
    public void UseCases_InModules_EachLiveInTheirOwnFile()
    {
        var useCases = Solution.Modules.SelectMany(m => UseCases(m.Assembly)).ToList();
        useCases.Count.ShouldBeGreaterThan(10, "the Identity module alone maps more use cases than this; discovery is broken");
        Violations(useCases).ShouldBeEmpty();
    }

    [Fact]
    public void Rule_OnSyntheticUseCases_ReportsSharedAndMisnamedFiles()
    {
        var violations = Violations([
            ("Qilu.Hotline.Tickets.SubmitTicket", "/src/Tickets/SubmitTicket.cs"),
            ("Qilu.Hotline.Tickets.DispatchTicket", "/src/Tickets/DispatchTicket.Endpoint.cs"),
            ("Qilu.Hotline.Tickets.ReplyToTicket", "/src/Tickets/TicketEndpoints.cs"),
            ("Qilu.Hotline.Tickets.CloseTicket", "/src/Tickets/TicketEndpoints.cs"),
        ]);
        violations.ShouldBe([
            "/src/Tickets/TicketEndpoints.cs holds 2 use cases: CloseTicket, ReplyToTicket",
            "Qilu.Hotline.Tickets.ReplyToTicket is in TicketEndpoints.cs; name the file ReplyToTicket.cs",
            "Qilu.Hotline.Tickets.CloseTicket is in TicketEndpoints.cs; name the file CloseTicket.cs",
        ], ignoreOrder: true);
    }

    internal static IReadOnlyList<string> Violations(IReadOnlyList<(string Type, string File)> useCases)
    {
        var violations = new List<string>();
        foreach (var group in useCases.GroupBy(u => u.File).Where(g => g.Count() > 1))
            violations.Add($"{group.Key} holds {group.Count()} use cases: {string.Join(", ", group.Select(u => u.Type.Split('.')[^1]).Order(StringComparer.Ordinal))}");
        foreach (var (type, file) in useCases)
        {
            var name = type.Split('.')[^1];
            var fileName = Path.GetFileName(file.Replace('\\', '/'));
            if (fileName != name + ".cs" && !fileName.StartsWith(name + ".", StringComparison.Ordinal))
                violations.Add($"{type} is in {fileName}; name the file {name}.cs");
        }
        return violations;
    }

    /// <summary>Static classes with <c>Map(IEndpointRouteBuilder)</c> and the source file of that method.</summary>
    internal static IEnumerable<(string Type, string File)> UseCases(Assembly assembly)
    {
        var pdb = Path.ChangeExtension(assembly.Location, ".pdb");
        using var provider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdb));
        var reader = provider.GetMetadataReader();
        var result = new List<(string, string)>();
        foreach (var type in Solution.TypesOf(assembly).Where(t => t is { IsAbstract: true, IsSealed: true, IsNested: false }))
        {
            var map = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .FirstOrDefault(m => m.Name == "Map" && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(IEndpointRouteBuilder));
            if (map is null) continue;
            var info = reader.GetMethodDebugInformation(MetadataTokens.MethodDefinitionHandle(map.MetadataToken));
            var document = info.Document.IsNil ? info.GetSequencePoints().First().Document : info.Document;
            result.Add((type.FullName!, reader.GetString(reader.GetDocument(document).Name)));
        }
        return result;
    }
}
