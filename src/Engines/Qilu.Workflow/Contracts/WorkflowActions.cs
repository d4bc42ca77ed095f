namespace Qilu.Workflow.Contracts;

/// <summary>
/// Names of the actions on tasks and instances, as listed in a 409 answer (<c>allowedActions</c>) and by
/// <see cref="IWorkflowEngine.AllowedTaskActionsAsync"/>.
/// </summary>
public static class WorkflowActions
{
    /// <summary>Take a task from the candidate group (签收).</summary>
    public const string Claim = "claim";
    /// <summary>Hand a task to another official (转办).</summary>
    public const string Delegate = "delegate";
    /// <summary>Finish a task with an outcome (办理).</summary>
    public const string Complete = "complete";
    /// <summary>Send the case back to the previous step (退回).</summary>
    public const string Return = "return";
    /// <summary>Stop the clock (补正 or 特殊环节).</summary>
    public const string Suspend = "suspend";
    /// <summary>Restart the clock.</summary>
    public const string Resume = "resume";
    /// <summary>End the instance without completing it (撤回/终止).</summary>
    public const string Cancel = "cancel";

    /// <summary>Error code of a 409 whose extra errors list the allowed actions.</summary>
    public const string NotAllowedCode = "workflow.action_not_allowed";

    /// <summary>Error code of each allowed action in a 409 (the action's name is in <c>Field</c>).</summary>
    public const string AllowedCode = "workflow.allowed_action";
}
