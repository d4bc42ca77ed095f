using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Qilu.Platform.Events;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Tests.Events;

public sealed record NoteWritten(Guid NoteId, string Text) : IntegrationEvent;

public sealed record NobodyListens(int Value) : IntegrationEvent;

internal sealed class Note
{
    public Guid Id { get; init; }

    public required string Text { get; init; }
}

/// <summary>A module-like context with one table, the outbox and the inbox.</summary>
internal sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>().ToTable("notes");
        modelBuilder.AddOutbox().AddInbox();
        ModuleTableLayout.Apply(modelBuilder, "notes", Database.IsSqlite());
    }
}

/// <summary>What handlers saw, shared by every scope of one harness.</summary>
internal sealed class Deliveries
{
    public ConcurrentBag<(string Handler, Guid EventId)> Calls { get; } = [];

    public int FailuresLeft { get; set; }
}

internal sealed class RecordingHandler(Deliveries deliveries) : IIntegrationEventHandler<NoteWritten>
{
    public Task HandleAsync(NoteWritten integrationEvent, CancellationToken cancellationToken)
    {
        deliveries.Calls.Add((nameof(RecordingHandler), integrationEvent.EventId));
        return Task.CompletedTask;
    }
}

internal sealed class FlakyHandler(Deliveries deliveries) : IIntegrationEventHandler<NoteWritten>
{
    public Task HandleAsync(NoteWritten integrationEvent, CancellationToken cancellationToken)
    {
        deliveries.Calls.Add((nameof(FlakyHandler), integrationEvent.EventId));
        if (deliveries.FailuresLeft > 0)
        {
            deliveries.FailuresLeft--;
            throw new InvalidOperationException("downstream unavailable");
        }
        return Task.CompletedTask;
    }
}

/// <summary>Counts notes through its own inbox so a repeated delivery has no second effect.</summary>
internal sealed class IdempotentCounter(NotesDbContext db, TimeProvider clock, Deliveries deliveries) : IIntegrationEventHandler<NoteWritten>
{
    public async Task HandleAsync(NoteWritten integrationEvent, CancellationToken cancellationToken)
    {
        if (await db.AlreadyProcessedAsync(integrationEvent, nameof(IdempotentCounter), cancellationToken)) return;
        deliveries.Calls.Add((nameof(IdempotentCounter), integrationEvent.EventId));
        db.MarkProcessed(integrationEvent, nameof(IdempotentCounter), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Writes a side effect (a note) for every event and then fails on notes whose text is "poison", before saving: a
/// failure must leave nothing behind for the handlers of the messages that follow in the same batch.
/// </summary>
internal sealed class PoisonSensitiveHandler(NotesDbContext db, Deliveries deliveries) : IIntegrationEventHandler<NoteWritten>
{
    public async Task HandleAsync(NoteWritten integrationEvent, CancellationToken cancellationToken)
    {
        deliveries.Calls.Add((nameof(PoisonSensitiveHandler), integrationEvent.EventId));
        db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "seen: " + integrationEvent.Text });
        if (integrationEvent.Text == "poison") throw new InvalidOperationException("cannot digest poison");
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>One database (SQLite file or fresh PostgreSQL database) and any number of "nodes" on it.</summary>
internal sealed class OutboxHarness : IAsyncDisposable
{
    private readonly string? _dir;
    private readonly string? _server;
    private readonly string? _dbName;
    private readonly List<ServiceProvider> _nodes = [];

    private OutboxHarness(DatabaseProvider provider, string connectionString, string? dir, string? server, string? dbName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _dir = dir;
        _server = server;
        _dbName = dbName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 10, 1, 0, 0, TimeSpan.Zero));

    public Deliveries Deliveries { get; } = new();

    public static async Task<OutboxHarness> SqliteAsync()
    {
        var dir = Directory.CreateTempSubdirectory("qilu-outbox-").FullName;
        var harness = new OutboxHarness(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "qilu.db")};Default Timeout=60", dir, null, null);
        await harness.CreateSchemaAsync();
        return harness;
    }

    public static async Task<OutboxHarness> PostgresAsync()
    {
        var cs = Environment.GetEnvironmentVariable("QILU_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrEmpty(cs), "PostgreSQL suite skipped: set QILU_TEST_POSTGRES");
        var name = "qilu_outbox_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(cs))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var harness = new OutboxHarness(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(cs) { Database = name }.ConnectionString, null, cs, name);
        await harness.CreateSchemaAsync();
        return harness;
    }

    private async Task CreateSchemaAsync()
    {
        await using var scope = Node().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotesDbContext>().Database.EnsureCreatedAsync();
    }

    /// <summary>A separate service provider on the same database: a second process or node.</summary>
    public ServiceProvider Node(bool flaky = false, bool poison = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Deliveries);
        services.AddDbContext<NotesDbContext>(o =>
        {
            if (Provider == DatabaseProvider.Sqlite) o.UseSqlite(ConnectionString);
            else o.UseNpgsql(ConnectionString);
        });
        services.AddOutbox<NotesDbContext>();
        services.AddIntegrationEventHandler<NoteWritten, RecordingHandler>();
        services.AddIntegrationEventHandler<NoteWritten, IdempotentCounter>();
        if (flaky) services.AddIntegrationEventHandler<NoteWritten, FlakyHandler>();
        if (poison) services.AddIntegrationEventHandler<NoteWritten, PoisonSensitiveHandler>();
        var sp = services.BuildServiceProvider();
        _nodes.Add(sp);
        return sp;
    }

    public Task<List<NoteWritten>> WriteNotesAsync(IServiceProvider node, int count) =>
        WriteNotesAsync(node, [.. Enumerable.Range(0, count).Select(i => $"note {i}")]);

    public async Task<List<NoteWritten>> WriteNotesAsync(IServiceProvider node, IReadOnlyList<string> texts)
    {
        await using var scope = node.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        var events = new List<NoteWritten>();
        foreach (var text in texts)
        {
            var note = new Note { Id = Guid.NewGuid(), Text = text };
            db.Notes.Add(note);
            var e = new NoteWritten(note.Id, note.Text) { OccurredAt = Clock.GetUtcNow() };
            db.Publish(e);
            events.Add(e);
        }
        await db.SaveChangesAsync();
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        if (_dir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
                // A file handle may linger briefly on some systems; the temp folder is cleaned by the OS later.
            }
        }
        if (_server is not null)
        {
            await Persistence.TestDatabases.DropPostgresAsync(_server, _dbName!);
        }
    }
}
