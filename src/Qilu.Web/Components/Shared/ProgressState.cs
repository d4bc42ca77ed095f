namespace Qilu.Web.Components.Shared;

/// <summary>State of long work shown by a <see cref="ProgressPanel"/>.</summary>
public enum ProgressState
{
    /// <summary>Accepted, not started.</summary>
    Queued,
    /// <summary>Running.</summary>
    Running,
    /// <summary>Finished without error.</summary>
    Succeeded,
    /// <summary>Stopped by an error.</summary>
    Failed,
    /// <summary>Stopped by a person.</summary>
    Cancelled,
}
