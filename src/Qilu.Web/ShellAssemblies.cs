using System.Reflection;

namespace Qilu.Web;

/// <summary>Assemblies of enabled modules whose pages the router serves; set once by the host at start-up.</summary>
public static class ShellAssemblies
{
    public static Assembly[] Additional { get; set; } = [];
}
