using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Data;
using Qilu.Platform.Persistence;
using Shouldly;

namespace Qilu.Catalog.Tests.Resources;

/// <summary>
/// Migration CompactRowFilters (ADR 0016 addendum 2) on a SQLite database that already holds filter tokens in the old
/// form: tokens are cut to 128 bits (what lookups now compute), the table becomes WITHOUT ROWID and loses its by-key index.
/// </summary>
public sealed class RowFilterMigrationTests
{
    [Fact]
    public async Task Migrate_WhenFilterTokensHaveTheOldLength_CutsThemAndRebuildsTheTableWithoutRowid()
    {
        var dir = Directory.CreateTempSubdirectory("qilu-catalog-migration-");
        try
        {
            var connection = new DatabaseConnection(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir.FullName, "catalog.db")};Pooling=False");
            var services = new ServiceCollection();
            services.AddSingleton(connection);
            services.AddModuleDbContext<CatalogDbContext, CatalogSqliteDbContext, CatalogPostgresDbContext>(connection, CatalogDbContext.Module);
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261129075126_Resources", TestContext.Current.CancellationToken);
            var full = new string('a', 32) + new string('b', 32);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"catalog_resource_row_filters\" (\"ResourceId\", \"Column\", \"Token\", \"KeyToken\") VALUES ('R1', 1, {0}, 'K1'), ('R1', 2, {1}, 'K1')",
                [full, new string('c', 64)], TestContext.Current.CancellationToken);

            await migrator.MigrateAsync(null, TestContext.Current.CancellationToken);

            var tokens = await db.Database.SqlQueryRaw<string>("SELECT \"Token\" AS \"Value\" FROM \"catalog_resource_row_filters\" ORDER BY \"Column\"")
                .ToListAsync(TestContext.Current.CancellationToken);
            tokens.ShouldBe([new string('a', 32), new string('c', 32)]);
            var ddl = await db.Database.SqlQueryRaw<string>("SELECT \"sql\" AS \"Value\" FROM sqlite_master WHERE \"name\" = 'catalog_resource_row_filters'")
                .SingleAsync(TestContext.Current.CancellationToken);
            ddl.ShouldContain("WITHOUT ROWID");
            (await db.Database.SqlQueryRaw<string>("SELECT \"name\" AS \"Value\" FROM sqlite_master WHERE \"tbl_name\" = 'catalog_resource_row_filters' AND \"type\" = 'index' AND \"sql\" IS NOT NULL")
                .ToListAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
