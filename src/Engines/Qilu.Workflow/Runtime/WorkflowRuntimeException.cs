using Qilu.SharedKernel.Results;

namespace Qilu.Workflow.Runtime;

/// <summary>
/// Ends a transition that cannot proceed (no flow matched, a rule gave no role, a collection is missing). The
/// engine turns it into a failed result and nothing is saved: the instance stays as it was.
/// </summary>
internal sealed class WorkflowRuntimeException(Error error, ErrorKind kind = ErrorKind.Conflict) : Exception(error?.MessageEn)
{
    public Error Error { get; } = error!;

    public ErrorKind Kind { get; } = kind;
}
