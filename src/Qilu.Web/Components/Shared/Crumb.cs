namespace Qilu.Web.Components.Shared;

/// <summary>One breadcrumb step of a <see cref="QiluPage"/>; the last one usually has no link.</summary>
/// <param name="Text">Text already chosen for the current language.</param>
/// <param name="Href">Link, or null for the current page.</param>
public sealed record Crumb(string Text, string? Href = null);
