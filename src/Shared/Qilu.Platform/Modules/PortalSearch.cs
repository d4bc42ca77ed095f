using Qilu.SharedKernel.Actors;

namespace Qilu.Platform.Modules;

/// <summary>One result of the portal's search box, from whichever module owns it.</summary>
/// <param name="Href">Where the result opens.</param>
/// <param name="Title">Title (may contain <c>&lt;em&gt;</c> highlights, nothing else).</param>
/// <param name="Snippet">A highlighted fragment of the body, or null.</param>
/// <param name="KindZh">What it is, in Chinese (办事事项, 一件事, 政策 …).</param>
/// <param name="KindEn">What it is, in English.</param>
/// <param name="Score">Relevance on the module's own scale; results of all modules are merged by it.</param>
public sealed record PortalSearchHit(string Href, string Title, string? Snippet, string KindZh, string KindEn, float Score);

/// <summary>
/// A module's contribution to the portal's search box (<c>/portal/search</c>): matters, bundles, policies, datasets.
/// Register with <c>services.AddSingleton&lt;IPortalSearchSource, …&gt;()</c>; the shell queries every source.
/// </summary>
public interface IPortalSearchSource
{
    /// <summary>Up to <paramref name="take"/> hits for <paramref name="query"/>, visible to <paramref name="actor"/>.</summary>
    Task<IReadOnlyList<PortalSearchHit>> SearchAsync(string query, Actor actor, int take, CancellationToken cancellationToken);
}
