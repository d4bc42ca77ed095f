using Qilu.Web.Components;

namespace Qilu.Identity.UI;

/// <summary>Base of the Identity module's pages (the shell's <see cref="ModulePage"/>).</summary>
public abstract class IdentityPage : ModulePage;
