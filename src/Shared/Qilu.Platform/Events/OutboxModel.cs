using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Persistence;

namespace Qilu.Platform.Events;

/// <summary>Adds the outbox (and inbox) tables to a module's model and publishes events into them.</summary>
public static class OutboxModel
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the module's <c>outbox</c> table; call in <c>OnModelCreating</c> before <c>ModuleTableLayout.Apply</c>.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasMaxLength(300);
            e.Property(x => x.Delivered).HasMaxLength(4000);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.Property(x => x.ClaimedBy).HasMaxLength(100);
            e.Property(x => x.OccurredAt).AsSortableTime();
            e.Property(x => x.NextAttemptAt).AsSortableTime();
            e.Property(x => x.DispatchedAt).AsSortableTime();
            e.Property(x => x.ClaimedUntil).AsSortableTime();
            e.HasIndex(x => new { x.DispatchedAt, x.NextAttemptAt });
        });
        return modelBuilder;
    }

    /// <summary>Maps the module's <c>inbox</c> table, where its handlers record the events they processed.</summary>
    public static ModelBuilder AddInbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<InboxEntry>(e =>
        {
            e.ToTable("inbox");
            e.HasKey(x => new { x.EventId, x.Handler });
            e.Property(x => x.Handler).HasMaxLength(200);
        });
        return modelBuilder;
    }

    /// <summary>
    /// Adds <paramref name="integrationEvent"/> to the outbox; it is stored by the same <c>SaveChanges</c> as the
    /// tracked changes (one transaction), and dispatched after commit.
    /// </summary>
    public static void Publish(this DbContext db, IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Set<OutboxMessage>().Add(Message(integrationEvent));
    }

    /// <summary>
    /// The outbox row for <paramref name="integrationEvent"/>, not added to any context: for a writer that inserts its
    /// rows itself in the transaction of the change (the workflow engine's SQLite group commit, ADR 0014 addendum 3),
    /// or adds them with <c>DbContext.AddRange</c> before its save. Its entity type in a model with the outbox is
    /// <c>model.FindEntityType(row.GetType())</c>.
    /// </summary>
    public static object CreateMessage(IntegrationEvent integrationEvent) => Message(integrationEvent);

    private static OutboxMessage Message(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Type = type.FullName!,
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            OccurredAt = integrationEvent.OccurredAt,
            NextAttemptAt = integrationEvent.OccurredAt,
        };
    }
}

/// <summary>A message in a module's outbox as operators and tests see it.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Type">Event type (CLR full name).</param>
/// <param name="Payload">The event as JSON.</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="DispatchedAt">When every handler had taken it; null while pending.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="LastError">The last handler failure, if any.</param>
public sealed record OutboxEntry(Guid EventId, string Type, string Payload, DateTimeOffset OccurredAt, DateTimeOffset? DispatchedAt, int Attempts, string? LastError);

/// <summary>Read access to a module's outbox (operations pages, tests).</summary>
public static class OutboxReading
{
    /// <summary>The outbox messages of <paramref name="db"/>, optionally of one event type, oldest first.</summary>
    public static async Task<List<OutboxEntry>> ReadOutboxAsync(this DbContext db, Type? eventType = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Set<OutboxMessage>().AsNoTracking();
        if (eventType is not null)
        {
            var name = eventType.FullName;
            query = query.Where(m => m.Type == name);
        }
        return [.. (await query.ToListAsync(ct)).OrderBy(m => m.OccurredAt)
            .Select(m => new OutboxEntry(m.Id, m.Type, m.Payload, m.OccurredAt, m.DispatchedAt, m.Attempts, m.LastError))];
    }
}

/// <summary>Exactly-once effects for handlers: check and record processed events in the handler module's inbox.</summary>
public static class InboxExtensions
{
    /// <summary>True when <paramref name="handler"/> already processed the event (its changes were committed).</summary>
    public static Task<bool> AlreadyProcessedAsync(this DbContext db, IntegrationEvent integrationEvent, string handler, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return db.Set<InboxEntry>().AnyAsync(e => e.EventId == integrationEvent.EventId && e.Handler == handler, ct);
    }

    /// <summary>Records the event as processed; saved with the handler's own changes in one <c>SaveChanges</c>.</summary>
    public static void MarkProcessed(this DbContext db, IntegrationEvent integrationEvent, string handler, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(integrationEvent);
        db.Set<InboxEntry>().Add(new InboxEntry { EventId = integrationEvent.EventId, Handler = handler, ProcessedAt = now });
    }
}
