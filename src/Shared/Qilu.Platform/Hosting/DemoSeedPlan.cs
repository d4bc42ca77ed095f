namespace Qilu.Platform.Hosting;

/// <summary>
/// Runs the demo seeders as their declared dependencies allow (<see cref="IDemoSeeder.DependsOn"/>): each starts once
/// every seeder it depends on has finished, so independent module lanes (after Identity's departments and accounts)
/// overlap. A seeder without declared dependencies waits for every seeder of a lower Order, as before.
/// </summary>
public static class DemoSeedPlan
{
    /// <summary>For each seeder, the seeders that must finish before it starts.</summary>
    public static IReadOnlyDictionary<IDemoSeeder, IDemoSeeder[]> Prerequisites(IEnumerable<IDemoSeeder> seeders)
    {
        ArgumentNullException.ThrowIfNull(seeders);
        var ordered = seeders.OrderBy(s => s.Order).ToArray();
        var byName = new Dictionary<string, IDemoSeeder>(StringComparer.Ordinal);
        foreach (var s in ordered)
        {
            if (!byName.TryAdd(s.Name, s)) throw new InvalidOperationException($"Two demo seeders are named {s.Name}.");
        }
        var result = new Dictionary<IDemoSeeder, IDemoSeeder[]>();
        for (var i = 0; i < ordered.Length; i++)
        {
            var s = ordered[i];
            if (s.DependsOn is not { } names)
            {
                // Serial, as before declared dependencies existed: after every seeder ahead of it.
                result[s] = ordered[..i];
                continue;
            }
            var before = new List<IDemoSeeder>();
            foreach (var name in names)
            {
                if (!byName.TryGetValue(name, out var dep)) continue;
                // Dependencies point to lower Orders, so the graph has no cycle and Order stays a valid serial order.
                if (dep.Order >= s.Order)
                    throw new InvalidOperationException($"Demo seeder {s.Name} (Order {s.Order}) depends on {name} (Order {dep.Order}), which does not come before it.");
                before.Add(dep);
            }
            result[s] = [.. before];
        }
        return result;
    }

    /// <summary>
    /// Runs every seeder once its prerequisites have finished; <paramref name="run"/> is called for each. The first
    /// failure cancels the seeders not yet started and is rethrown once the running ones have ended.
    /// </summary>
    public static async Task RunAsync(IEnumerable<IDemoSeeder> seeders, Func<IDemoSeeder, CancellationToken, Task> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var prerequisites = Prerequisites(seeders);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = new Dictionary<IDemoSeeder, Task>();
        foreach (var seeder in prerequisites.Keys.OrderBy(p => p.Order))
        {
            var waitFor = prerequisites[seeder].Select(b => tasks[b]).ToArray();
            tasks[seeder] = StartAfterAsync(seeder, waitFor);
        }
        await Task.WhenAll(tasks.Values);

        async Task StartAfterAsync(IDemoSeeder seeder, Task[] waitFor)
        {
            try
            {
                // A failed prerequisite fails this seeder too (its data would be missing).
                await Task.WhenAll(waitFor);
                failed.Token.ThrowIfCancellationRequested();
                // Off the caller's thread: lanes run in parallel even where a seeder does synchronous work first.
                await Task.Run(() => run(seeder, failed.Token), failed.Token);
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }
    }
}
