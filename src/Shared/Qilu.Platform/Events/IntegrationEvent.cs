namespace Qilu.Platform.Events;

/// <summary>
/// A fact one module tells the others, named in the past tense (<c>CaseConcluded</c>, <c>CertificateIssued</c>).
/// Published through the publishing module's outbox in the same transaction as the change it reports, delivered at
/// least once to every handler; handlers make their effect idempotent by <see cref="EventId"/>.
/// </summary>
public abstract record IntegrationEvent
{
    /// <summary>Unique id; handlers de-duplicate by it (<see cref="InboxExtensions"/>).</summary>
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    /// <summary>When the fact happened, from the publisher's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Reacts to an integration event of another module. Called at least once per event; must be idempotent.</summary>
/// <typeparam name="TEvent">The event type (from the publisher's Contracts).</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The established name for an integration-event handler; it is not a .NET event delegate.")]
public interface IIntegrationEventHandler<in TEvent> where TEvent : IntegrationEvent
{
    /// <summary>Handles the event; throwing makes the dispatcher retry later with back-off.</summary>
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
