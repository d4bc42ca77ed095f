using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Hosting;
using Qilu.SharedKernel.Time;
using Qilu.Workflow.Calendar;

namespace Qilu.Workflow.Data;

/// <summary>Applies the engine's migrations, seeds the 2026 holiday arrangement once (never over an administrator's edit), loads the calendar.</summary>
internal sealed class WorkflowInitializer : IModuleInitializer
{
    public int Order => 200;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            // WAL: task lists and timer scans read while an official's transition commits. Persistent per file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        if (!await db.Calendar.AnyAsync(c => c.Year == 2026, cancellationToken))
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            db.Calendar.AddRange(WorkingCalendar.China2026.Select(d => new CalendarEntry
            {
                Date = d.Date, Kind = d.Kind, Name = d.Name, Year = 2026, UpdatedAt = now, UpdatedBy = "seed",
            }));
            await db.SaveChangesAsync(cancellationToken);
        }
        await services.GetRequiredService<CalendarProvider>().ReloadAsync(db, cancellationToken);
    }
}
