namespace Qilu.Identity.Roles;

/// <summary>
/// A permission some module declared and whose default grants were applied once. Remembering it is what lets the
/// security administrator remove a default grant for good: the initializer grants defaults only for permissions it
/// has never seen.
/// </summary>
internal sealed class DeclaredPermission
{
    public required string Permission { get; init; }

    public DateTimeOffset FirstSeenAt { get; init; }
}
