namespace Qilu.Workflow.Contracts;

/// <summary>State of a process instance.</summary>
public enum InstanceState
{
    /// <summary>Running; the clock runs.</summary>
    Running = 0,
    /// <summary>Suspended (补正 or 特殊环节); the clock is stopped.</summary>
    Suspended = 1,
    /// <summary>Reached its end.</summary>
    Completed = 2,
    /// <summary>Cancelled.</summary>
    Cancelled = 3,
}

/// <summary>State of a user task.</summary>
public enum WorkTaskState
{
    /// <summary>Waiting in the candidate group of a unit and role.</summary>
    Open = 0,
    /// <summary>Claimed by (or delegated to) one official.</summary>
    Claimed = 1,
    /// <summary>Done.</summary>
    Completed = 2,
    /// <summary>Sent back to an earlier step.</summary>
    Returned = 3,
    /// <summary>Ended with its instance.</summary>
    Cancelled = 4,
}

/// <summary>Why the clock of an instance is stopped.</summary>
public enum SuspensionKind
{
    /// <summary>补正: materials to correct; stopped until the applicant answers.</summary>
    Correction = 0,
    /// <summary>特殊环节: expert review, hearing, inspection …, excluded from the time limit.</summary>
    SpecialStage = 1,
}

/// <summary>Warning colour of a task or instance against its time limit.</summary>
public enum WarningLevel
{
    /// <summary>Within the limit.</summary>
    None = 0,
    /// <summary>黄灯: the yellow threshold (e.g. 70 %) passed.</summary>
    Yellow = 1,
    /// <summary>红灯: the red threshold (e.g. 90 %) passed.</summary>
    Red = 2,
    /// <summary>超期: the deadline passed.</summary>
    Overdue = 3,
}

/// <summary>What a timer does when it fires.</summary>
public enum TimerKind
{
    /// <summary>Raise the warning level to yellow.</summary>
    WarningYellow = 0,
    /// <summary>Raise the warning level to red.</summary>
    WarningRed = 1,
    /// <summary>督办: hand supervision to the supervising unit.</summary>
    Escalation = 2,
    /// <summary>The time limit ends.</summary>
    Deadline = 3,
}
