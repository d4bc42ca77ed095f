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

/// <summary>
/// Seeds demo data (only in demo mode, only once). The result lists the credentials it created. By default a seeder
/// runs after every seeder of a lower <see cref="Order"/> has finished. A seeder that names what it needs in
/// <see cref="DependsOn"/> runs as soon as those have finished, alongside other seeders (ADR 0020).
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }

    /// <summary>This seeder's name for <see cref="DependsOn"/> (by default the class name).</summary>
    string Name => GetType().Name;

    /// <summary>
    /// The <see cref="Name"/>s of the seeders whose data this one reads or builds on, or null (the default) for "every
    /// seeder of a lower <see cref="Order"/>". Each named seeder must have a lower Order; a name no registered seeder
    /// has (its module switched off) is met. Independence is the declaring seeder's promise: it may run next to any
    /// seeder it does not name, so it must not read what they write.
    /// </summary>
    IReadOnlyCollection<string>? DependsOn => null;

    Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>A demo credential written to <c>demo-accounts.json</c> for people trying the platform.</summary>
public sealed record DemoCredential(string Kind, string Login, string Secret, string Description);
