namespace Qilu.Sharing.Grants;

/// <summary>
/// The words for a grant's effective status (<see cref="Grant.EffectiveStatus"/>), in Chinese and English: one list for
/// the grants page and for the messages that name a state, so that a conflict says what the page shows.
/// </summary>
internal static class GrantStatusNames
{
    public static (string Zh, string En) Of(string effectiveStatus) => effectiveStatus switch
    {
        "Active" => ("在用", "Active"),
        "Suspended" => ("已暂停", "Suspended"),
        "Revoked" => ("已撤销", "Revoked"),
        "Withdrawn" => ("目录已下线", "Entry withdrawn"),
        "Expired" => ("已到期", "Expired"),
        _ => ("未生效", "Not yet valid"),
    };
}
