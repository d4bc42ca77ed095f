using Qilu.Web.Components;

namespace Qilu.Trust.UI;

/// <summary>Base of the Trust module's pages (the shell's <see cref="ModulePage"/>).</summary>
public abstract class TrustPage : ModulePage;
