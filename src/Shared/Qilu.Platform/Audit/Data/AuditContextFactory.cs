using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Audit.Data;

/// <summary>Creates audit contexts for singletons (the log, the verifier), outside any request scope.</summary>
internal sealed class AuditContextFactory(DatabaseConnection db)
{
    public DatabaseConnection Connection => db;

    public AuditDbContext Create()
    {
        if (db.IsSqlite)
        {
            var b = new DbContextOptionsBuilder<AuditSqliteDbContext>();
            ModuleDbContextRegistration.Configure(b, db, AuditDbContext.Module);
            return new AuditSqliteDbContext(b.Options);
        }
        var p = new DbContextOptionsBuilder<AuditPostgresDbContext>();
        ModuleDbContextRegistration.Configure(p, db, AuditDbContext.Module);
        return new AuditPostgresDbContext(p.Options);
    }
}
