namespace Qilu.Cases.Contracts;

/// <summary>Permissions of the Cases module (办件), declared with their default roles in <see cref="CasesModule"/>.</summary>
public static class CasesPermissions
{
    /// <summary>Apply for a matter or bundle, follow one's own cases, answer corrections, withdraw, rate (申请人).</summary>
    public const string Apply = "cases.apply";

    /// <summary>Handle cases of one's own unit: accept, refuse, request correction, review, decide, deliver (窗口/承办人员).</summary>
    public const string Handle = "cases.handle";

    /// <summary>Read the cases and overdue lists of every unit in one's division subtree (政务服务管理/督办).</summary>
    public const string Supervise = "cases.supervise";
}
