using Qilu.Platform.Persistence;

namespace Qilu.Platform.Audit;

/// <summary>
/// The database the audit log is stored in. On SQLite a file of its own by default, beside the modules' file
/// (<see cref="Hosting.PlatformRegistration.ResolveAuditDatabase"/>, ADR 0004 addendum 1); on PostgreSQL the modules'
/// database. The verifier, the start-up window and backups must use this one, not the modules' connection.
/// </summary>
public sealed record AuditLogDatabase(DatabaseConnection Connection);
