using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Qilu.Platform.Audit;
using Qilu.Platform.Audit.Checkpoints;
using Qilu.Platform.Hosting;
using Qilu.Platform.Persistence;
using Qilu.SharedKernel.Actors;
using Qilu.Testing;
using Qilu.Workflow.Contracts;
using Qilu.Workflow.Data;
using Qilu.Workflow.Runtime;

namespace Qilu.Workflow.Tests;

/// <summary>
/// The engine as the module registers it, on a real database (a SQLite file in a temp directory, or a fresh
/// PostgreSQL database), with the real audit log and a fake clock. <see cref="RestartAsync"/> builds a new process
/// on the same database, as a restart would.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly string _dir;
    private readonly PostgresDatabase? _postgres;
    private readonly Action<IServiceCollection>? _configure;
    private ServiceProvider? _services;
    private List<IHostedService> _hosted = [];

    private EngineHost(DatabaseConnection connection, string dir, PostgresDatabase? postgres, FakeTimeProvider clock, Action<IServiceCollection>? configure)
    {
        Connection = connection;
        _dir = dir;
        _postgres = postgres;
        Clock = clock;
        _configure = configure;
    }

    public DatabaseConnection Connection { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not started.");

    public WorkflowEngine Engine => Services.GetRequiredService<WorkflowEngine>();

    public IWorkflowEngine Api => Services.GetRequiredService<IWorkflowEngine>();

    /// <summary>2026-03-02 09:00 China time, an ordinary Monday.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static async Task<EngineHost> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, DateTimeOffset? now = null,
        Action<IServiceCollection>? configure = null)
    {
        var dir = Directory.CreateTempSubdirectory("qilu-wf-").FullName;
        PostgresDatabase? pg = null;
        DatabaseConnection connection;
        if (provider == DatabaseProvider.PostgreSql)
        {
            pg = PostgresDatabase.Create(TestEnvironment.PostgresConnectionString!);
            connection = new DatabaseConnection(DatabaseProvider.PostgreSql, pg.ConnectionString);
        }
        else
        {
            connection = new DatabaseConnection(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "qilu.db") }.ConnectionString);
        }
        var host = new EngineHost(connection, dir, pg, new FakeTimeProvider((now ?? DefaultStart).ToUniversalTime()), configure);
        await host.BootAsync(host._configure);
        return host;
    }

    private async Task BootAsync(Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Connection);
        services.AddSingleton<ICheckpointSigner>(new EphemeralSm2CheckpointSigner("qilu-workflow-tests"));
        services.AddQiluAuditLog(Connection, o => o.MigrateOnStart = true);
        services.AddSingleton<IAuditWriter, AuditEventWriter>();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Qilu:Workflow:RunTimers"] = "false" }).Build();
        new WorkflowEngineModule().AddServices(services, config);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        _hosted = [.. _services.GetServices<IHostedService>()];
        foreach (var h in _hosted) await h.StartAsync(CancellationToken.None);
        foreach (var init in _services.GetServices<IModuleInitializer>().OrderBy(i => i.Order))
            await init.InitializeAsync(_services, CancellationToken.None);
    }

    /// <summary>Stops this process and starts a new one on the same database (the clock keeps its time).</summary>
    public async Task RestartAsync(Action<IServiceCollection>? configure = null)
    {
        await StopAsync();
        await BootAsync(configure ?? _configure);
    }

    private async Task StopAsync()
    {
        foreach (var h in _hosted) await h.StopAsync(CancellationToken.None);
        if (_services is not null) await _services.DisposeAsync();
        _services = null;
    }

    /// <summary>A scope with the engine's DbContext, for assertions on the stored rows.</summary>
    public async Task<T> QueryAsync<T>(Func<WorkflowDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
    }

    /// <summary>Events of one type in the engine's outbox, oldest first.</summary>
    public Task<List<OutboxRow>> EventsAsync(string type) => QueryAsync(db =>
    {
        var sql = Connection.IsSqlite ? "SELECT \"Type\", \"Payload\", \"OccurredAt\" FROM workflow_outbox"
            : "SELECT \"Type\", \"Payload\", \"OccurredAt\" FROM workflow.outbox";
        return db.Database.SqlQueryRaw<OutboxRow>(sql).ToListAsync()
            .ContinueWith(t => t.Result.Where(r => r.Type == "Qilu.Workflow.Contracts." + type).OrderBy(r => r.OccurredAt).ToList(), TaskScheduler.Default);
    });

    public async Task<Guid> DeployAsync(string json)
    {
        var r = await Api.DeployAsync(json, Actors.Admin);
        if (!r.IsSuccess) throw new InvalidOperationException(r.ToString());
        return r.Value.Id;
    }

    public async Task<InstanceView> StartCaseAsync(string key, string businessKey, JsonObject? variables = null)
    {
        var r = await Api.StartAsync(key, businessKey, variables ?? new JsonObject { ["divisionCode"] = "370102" }, Actors.Clerk);
        if (!r.IsSuccess) throw new InvalidOperationException(r.ToString());
        return r.Value;
    }

    public async Task<TaskView> OnlyTaskAsync(Guid instanceId, string? node = null)
    {
        var tasks = await Api.ListTasksAsync(new TaskQuery { InstanceId = instanceId });
        return tasks.Single(t => node is null || t.NodeId == node);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _postgres?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
            // A pooled handle not yet closed; the OS cleans temp.
        }
    }
}

/// <summary>A row of the engine's outbox as the tests read it.</summary>
internal sealed class OutboxRow
{
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public long OccurredAt { get; set; }
}

/// <summary>Actors used across the tests.</summary>
internal static class Actors
{
    public static Actor Official(string id, string division = "370102", params string[] roles) =>
        new(ActorKind.Official, id, "工作人员" + id, division, null, roles.ToHashSet(), new HashSet<string>(), RealNameLevel.InPerson);

    public static Actor Admin { get; } = new(ActorKind.Official, "admin-1", "管理员", "370000", null, new HashSet<string> { "sys_admin" },
        new HashSet<string> { WorkflowPermissions.DefinitionsManage, WorkflowPermissions.CalendarManage, WorkflowPermissions.InstancesRead }, RealNameLevel.InPerson);

    /// <summary>The window clerk who starts cases (受理窗口).</summary>
    public static Actor Clerk { get; } = Official("clerk-1", "370102", "acceptor");
}
