using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;

namespace Qilu.Cases.Workflow;

/// <summary>
/// The process definitions the Cases module ships: one standard 办件 process (受理 → 审查 → 决定 → 送达, refusal at
/// acceptance), instantiated per matter under the matter's workflow key with the matter's 承诺时限 as the process
/// limit, and the 15-working-day 差评整改 process. Deploying is idempotent (the engine skips an unchanged document),
/// so a matter whose time limit changes gets a new version while running cases stay on theirs.
/// </summary>
internal sealed class CaseDefinitions(IWorkflowEngine engine)
{
    public const string RectificationKey = "case.rectification";
    public const string StandardKey = "case.standard";

    /// <summary>Deploys definitions as the Cases module's system actor.</summary>
    public static readonly Actor System = new(ActorKind.SystemClient, "system:cases", "办件系统", null, null,
        new HashSet<string>(), new HashSet<string>(), RealNameLevel.None);

    private static readonly string Standard = Read("case-standard.json");
    private static readonly string RectificationJson = Read("case-rectification.json");
    private readonly ConcurrentDictionary<string, Task<Result<DefinitionSummary>>> _deployed = new(StringComparer.Ordinal);

    /// <summary>Deploys the rectification process (idempotent; cached after the first success).</summary>
    public Task<Result<DefinitionSummary>> EnsureRectificationAsync(CancellationToken ct)
    {
        var task = _deployed.GetOrAdd(RectificationJson, j => engine.DeployAsync(j, System, ct));
        if (task.IsCompleted && (!task.IsCompletedSuccessfully || !task.Result.IsSuccess)) _deployed.TryRemove(RectificationJson, out _);
        return task;
    }

    /// <summary>Deploys the rectification process and the generic standard process (start-up).</summary>
    public async Task DeployShippedAsync(CancellationToken ct)
    {
        var r = await EnsureRectificationAsync(ct);
        if (!r.IsSuccess) throw new InvalidOperationException($"Cannot deploy {RectificationKey}: {string.Join("; ", r.Errors)}");
        var s = await EnsureAsync(StandardKey, "办件标准流程", 20, ct);
        if (!s.IsSuccess) throw new InvalidOperationException($"Cannot deploy {StandardKey}: {string.Join("; ", s.Errors)}");
    }

    /// <summary>The standard process under <paramref name="key"/> with a limit of <paramref name="promisedDays"/> working days (即办件: 1).</summary>
    public Task<Result<DefinitionSummary>> EnsureAsync(string key, string name, int promisedDays, CancellationToken ct)
    {
        var days = Math.Max(1, promisedDays);
        var json = Standard.Replace("{{key}}", key, StringComparison.Ordinal)
            .Replace("{{name}}", JsonEncodedText.Encode(name).ToString(), StringComparison.Ordinal)
            .Replace("{{days}}", days.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var task = _deployed.GetOrAdd(json, j => engine.DeployAsync(j, System, ct));
        // A failed or cancelled deployment is not cached: the next application tries again.
        if (task.IsCompleted && (!task.IsCompletedSuccessfully || !task.Result.IsSuccess)) _deployed.TryRemove(json, out _);
        return task;
    }

    /// <summary>The shipped template (for the ADR, the docs and tests).</summary>
    public static string StandardTemplate => Standard;

    private static string Read(string name)
    {
        using var stream = typeof(CaseDefinitions).Assembly.GetManifestResourceStream($"Qilu.Cases.Workflow.Definitions.{name}")
            ?? throw new InvalidOperationException($"Embedded definition {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
