namespace Qilu.Platform.Hosting;

/// <summary>
/// Work a module must do before the host serves: apply its migrations, create its keys, load caches. Run in
/// <see cref="Order"/> by the host at start and by the <c>migrate</c> verb. Must be idempotent.
/// </summary>
public interface IModuleInitializer
{
    int Order { get; }

    Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Seeds demo data (only in demo mode, only once). The result lists the credentials it created.</summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>A demo credential written to <c>demo-accounts.json</c> for people trying the platform.</summary>
public sealed record DemoCredential(string Kind, string Login, string Secret, string Description);
