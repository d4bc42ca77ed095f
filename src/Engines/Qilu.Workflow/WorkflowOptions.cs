namespace Qilu.Workflow;

/// <summary>Engine settings (<c>Qilu:Workflow</c>).</summary>
internal sealed class WorkflowOptions
{
    /// <summary>How often the timer service looks for due timers.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Run the timer service in this process (switch off on nodes that should not fire timers).</summary>
    public bool RunTimers { get; set; } = true;
}
