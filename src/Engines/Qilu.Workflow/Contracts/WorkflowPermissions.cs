namespace Qilu.Workflow.Contracts;

/// <summary>Permissions of the workflow engine's administration endpoints.</summary>
public static class WorkflowPermissions
{
    /// <summary>List, validate and deploy process definitions.</summary>
    public const string DefinitionsManage = "workflow.definitions.manage";

    /// <summary>Maintain the holiday calendar (节假日与调休).</summary>
    public const string CalendarManage = "workflow.calendar.manage";

    /// <summary>Read any process instance with its timeline (operations and supervision, 督办).</summary>
    public const string InstancesRead = "workflow.instances.read";
}
