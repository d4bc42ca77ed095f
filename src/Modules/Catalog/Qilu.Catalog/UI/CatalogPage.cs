using Qilu.Web.Components;

namespace Qilu.Catalog.UI;

/// <summary>Base of the Catalog module's pages (the shell's <see cref="ModulePage"/>).</summary>
public abstract class CatalogPage : ModulePage;
