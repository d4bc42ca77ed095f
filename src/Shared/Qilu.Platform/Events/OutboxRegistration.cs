using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Qilu.Platform.Events;

/// <summary>Registration of outboxes (per publishing module) and of handlers (in consuming modules).</summary>
public static class OutboxRegistration
{
    /// <summary>
    /// Dispatches the outbox of <typeparamref name="TDbContext"/> (whose model calls <see cref="OutboxModel.AddOutbox"/>)
    /// in the background: after commit, to every registered handler of each event, at least once.
    /// </summary>
    public static IServiceCollection AddOutbox<TDbContext>(this IServiceCollection services) where TDbContext : DbContext
    {
        services.TryAddSingleton<IntegrationEventTypes>();
        services.AddSingleton<OutboxDispatcher<TDbContext>>();
        services.AddSingleton<IOutboxDispatcher>(sp => sp.GetRequiredService<OutboxDispatcher<TDbContext>>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<OutboxDispatcher<TDbContext>>());
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> for <typeparamref name="TEvent"/> (scoped: one scope per delivery).</summary>
    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.TryAddSingleton<IntegrationEventTypes>();
        services.AddSingleton(new IntegrationEventTypes.Known(typeof(TEvent)));
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
        return services;
    }
}

/// <summary>Event types some handler in this process listens to, by the name the outbox stores.</summary>
internal sealed class IntegrationEventTypes(IEnumerable<IntegrationEventTypes.Known> known)
{
    internal sealed record Known(Type Type);

    private readonly Dictionary<string, Type> _byName = known.Select(k => k.Type).Distinct()
        .ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    public Type? Find(string name) => _byName.GetValueOrDefault(name);
}

/// <summary>Lets tests and the CLI drain outboxes without waiting for the poll.</summary>
public interface IOutboxDispatcher
{
    /// <summary>Dispatches due messages until none is left; returns how many were completed.</summary>
    Task<int> DispatchPendingAsync(CancellationToken cancellationToken);
}
