using Qilu.Web.Components;

namespace Qilu.OpenData.UI;

/// <summary>Base of the OpenData module's pages (the shell's <see cref="ModulePage"/>).</summary>
public abstract class OpenDataPage : ModulePage;
