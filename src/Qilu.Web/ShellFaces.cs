using Qilu.Platform.Modules;
using Qilu.Web.Components.Layout;

namespace Qilu.Web;

/// <summary>Which face (portal, workbench, admin) a path belongs to, and that face's layout.</summary>
public static class ShellFaces
{
    /// <summary>The face of a base-relative path such as <c>workbench/tasks</c> or <c>/admin</c>.</summary>
    public static ShellFace FaceOf(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.TrimStart('/');
        if (HasPrefix(path, "workbench")) return ShellFace.Workbench;
        if (HasPrefix(path, "admin")) return ShellFace.Admin;
        return ShellFace.Portal;
    }

    /// <summary>The layout component of the face of <paramref name="relativePath"/>.</summary>
    public static Type LayoutFor(string relativePath) => FaceOf(relativePath) switch
    {
        ShellFace.Workbench => typeof(WorkbenchLayout),
        ShellFace.Admin => typeof(AdminLayout),
        _ => typeof(PortalLayout),
    };

    // "administration" must not count as the admin face: the prefix has to end at a segment boundary.
    private static bool HasPrefix(string path, string segment) =>
        path.StartsWith(segment, StringComparison.OrdinalIgnoreCase)
        && (path.Length == segment.Length || path[segment.Length] is '/' or '?' or '#');
}
