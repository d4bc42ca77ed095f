using System.Collections.Concurrent;
using Qilu.Cases.Contracts;
using Qilu.Platform.Events;

namespace Qilu.Cases.Tests;

/// <summary>Records the integration events the Cases outbox delivered, as another module's handlers would receive them.</summary>
public sealed class EventLog
{
    public ConcurrentQueue<CaseConcludedWithLicence> Licences { get; } = new();

    public ConcurrentQueue<CaseStatusChanged> Statuses { get; } = new();

    public ConcurrentQueue<CaseRatedBadly> BadRatings { get; } = new();

    public sealed class BadRatingHandler(EventLog log) : IIntegrationEventHandler<CaseRatedBadly>
    {
        public Task HandleAsync(CaseRatedBadly integrationEvent, CancellationToken cancellationToken)
        {
            log.BadRatings.Enqueue(integrationEvent);
            return Task.CompletedTask;
        }
    }

    public sealed class LicenceHandler(EventLog log) : IIntegrationEventHandler<CaseConcludedWithLicence>
    {
        public Task HandleAsync(CaseConcludedWithLicence integrationEvent, CancellationToken cancellationToken)
        {
            log.Licences.Enqueue(integrationEvent);
            return Task.CompletedTask;
        }
    }

    public sealed class StatusHandler(EventLog log) : IIntegrationEventHandler<CaseStatusChanged>
    {
        public Task HandleAsync(CaseStatusChanged integrationEvent, CancellationToken cancellationToken)
        {
            log.Statuses.Enqueue(integrationEvent);
            return Task.CompletedTask;
        }
    }
}
