namespace Qilu.Notices.Contracts;

/// <summary>Permissions of the Notices module (declared with default roles in <see cref="NoticesModule"/>).</summary>
public static class NoticesPermissions
{
    /// <summary>Draft, publish and withdraw notices of one's own unit (reading needs no permission).</summary>
    public const string Publish = "notices.publish";
}
