namespace Qilu.Platform.Persistence;

/// <summary>Which database engine backs the platform.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: one file under the data directory.</summary>
    Sqlite,
    /// <summary>Production: a PostgreSQL server shared by all nodes.</summary>
    PostgreSql,
}

/// <summary>
/// Database settings (<c>Qilu:Database</c>). With no connection string the platform uses SQLite at
/// <c>&lt;data dir&gt;/qilu.db</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite derived from the data directory when empty.</summary>
    public string? ConnectionString { get; set; }
}
