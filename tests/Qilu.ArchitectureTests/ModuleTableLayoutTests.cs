using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Shouldly;

namespace Qilu.ArchitectureTests;

/// <summary>
/// ADR 0002: each context's tables live in its own PostgreSQL schema and behind its own SQLite table prefix, with its
/// own migrations-history table, and each provider's migrations are up to date with the model. Checked for every
/// design-time factory in the solution, since those build exactly the contexts the migrations were generated from.
/// </summary>
public sealed class ModuleTableLayoutTests
{
    public static TheoryData<string> Factories()
    {
        var data = new TheoryData<string>();
        foreach (var t in FactoryTypes()) data.Add(t.AssemblyQualifiedName!);
        return data;
    }

    [Fact]
    public void DesignTimeFactories_ExistForBothProvidersOfEveryModuleContext()
    {
        var contexts = FactoryTypes().Select(f => ContextOf(f)).ToList();
        contexts.Count.ShouldBeGreaterThanOrEqualTo(6); // identity, keystore, audit on two providers each
        var bases = contexts.GroupBy(c => c.BaseType!).ToList();
        bases.ShouldAllBe(g => g.Count() == 2, "each module context has one SQLite and one PostgreSQL subclass");
        foreach (var module in Solution.Modules)
            contexts.ShouldContain(c => c.Assembly == module.Assembly, $"{module.Name} owns a DbContext with design-time factories");
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void Context_TablesAndHistory_StayInsideTheModulesNamespace(string factoryType)
    {
        using var context = Create(Type.GetType(factoryType, throwOnError: true)!);
        var sqlite = context.Database.IsSqlite();
        var relational = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>());
        var history = relational.MigrationsHistoryTableName!;
        var tables = context.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .Select(e => (Schema: e.GetSchema(), Table: e.GetTableName()!)).Distinct().ToList();
        tables.ShouldNotBeEmpty();
        if (sqlite)
        {
            history.ShouldEndWith("___ef_migrations");
            var module = history[..^"___ef_migrations".Length];
            tables.Where(t => !t.Table.StartsWith(module + "_", StringComparison.Ordinal) || t.Schema is not null).ShouldBeEmpty();
        }
        else
        {
            var module = relational.MigrationsHistoryTableSchema;
            module.ShouldNotBeNullOrEmpty();
            tables.Where(t => t.Schema != module).ShouldBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(Factories))]
    public void Context_Migrations_ExistAndMatchTheModel(string factoryType)
    {
        using var context = Create(Type.GetType(factoryType, throwOnError: true)!);
        context.Database.GetMigrations().ShouldNotBeEmpty();
        // Compares the provider's model snapshot with the current model; no connection is opened.
        context.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for this context");
    }

    [Fact]
    public void ModuleContexts_UseTheModulesNameAsSchema()
    {
        foreach (var module in Solution.Modules)
        {
            var name = ((Platform.Modules.IQiluModule)Activator.CreateInstance(Solution.TypesOf(module.Assembly).Single(Solution.IsFrontDoor))!).Name;
            foreach (var factory in FactoryTypes().Where(f => f.Assembly == module.Assembly))
            {
                ModuleOf(factory).ShouldBe(name, factory.FullName);
            }
        }
    }

    [Fact]
    public void ModuleNames_AcrossContexts_AreDistinct()
    {
        // Two different contexts sharing a schema or prefix would share tables and a migrations history.
        var owners = FactoryTypes().Select(f => (Module: ModuleOf(f), Context: ContextOf(f).BaseType!)).ToList();
        owners.GroupBy(o => o.Module).Where(g => g.Select(o => o.Context).Distinct().Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        owners.GroupBy(o => o.Context).Where(g => g.Select(o => o.Module).Distinct().Count() > 1).Select(g => g.Key.Name).ShouldBeEmpty();
    }

    /// <summary>The schema (PostgreSQL) or table prefix (SQLite) a context's migrations history names.</summary>
    private static string ModuleOf(Type factory)
    {
        using var context = Create(factory);
        var relational = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>());
        return context.Database.IsSqlite() ? relational.MigrationsHistoryTableName![..^"___ef_migrations".Length] : relational.MigrationsHistoryTableSchema!;
    }

    private static IEnumerable<Type> FactoryTypes() => Solution.Production.SelectMany(Solution.TypesOf)
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsFactory))
        .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static bool IsFactory(Type i) => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>);

    private static Type ContextOf(Type factory) => factory.GetInterfaces().Single(IsFactory).GetGenericArguments()[0];

    private static DbContext Create(Type factory)
    {
        var instance = Activator.CreateInstance(factory, nonPublic: true)!;
        return (DbContext)factory.GetInterfaces().Single(IsFactory).GetMethod("CreateDbContext")!.Invoke(instance, [Array.Empty<string>()])!;
    }
}
