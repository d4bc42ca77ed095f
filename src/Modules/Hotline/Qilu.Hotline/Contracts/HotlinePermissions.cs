namespace Qilu.Hotline.Contracts;

/// <summary>Permissions of the Hotline module (12345 接诉即办), named after its use cases.</summary>
public static class HotlinePermissions
{
    /// <summary>Submit one's own request from the portal (citizens, enterprise agents).</summary>
    public const string Submit = "hotline.tickets.submit";

    /// <summary>受理: record tickets from calls and other channels, 直办 at first contact, 回访 (12345 agents).</summary>
    public const string Intake = "hotline.tickets.intake";

    /// <summary>派单, 改派, reviewing replies and returns, approving extensions (12345 dispatchers).</summary>
    public const string Dispatch = "hotline.tickets.dispatch";

    /// <summary>签收, 办理, 答复, 退单, 延期申请 by the unit a ticket is dispatched to.</summary>
    public const string Handle = "hotline.tickets.handle";

    /// <summary>督办 and the supervisor's view of the division subtree.</summary>
    public const string Supervise = "hotline.tickets.supervise";

    /// <summary>Read the published knowledge base (知识库) and answer from it (agents, dispatchers, units).</summary>
    public const string KnowledgeRead = "hotline.knowledge.read";

    /// <summary>Write, publish and withdraw knowledge-base articles of one's division subtree (dispatchers, supervisors).</summary>
    public const string KnowledgeManage = "hotline.knowledge.manage";
}
