namespace Qilu.Platform.Persistence;

/// <summary>
/// Connections used only by <c>dotnet ef migrations add</c> (design time). Generating migrations needs no live
/// server; the PostgreSQL string is never opened.
/// </summary>
public static class DesignTime
{
    public static DatabaseConnection Sqlite { get; } = new(DatabaseProvider.Sqlite, "Data Source=design-time.db");

    public static DatabaseConnection PostgreSql { get; } =
        new(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=qilu_design;Username=qilu;Password=design");
}
