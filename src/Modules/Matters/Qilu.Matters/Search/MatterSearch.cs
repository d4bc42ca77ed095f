using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Matters.Bundles;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Modules;
using Qilu.Search;
using Qilu.SharedKernel.Actors;

namespace Qilu.Matters.Search;

/// <summary>
/// The portal's full-text index of published standard matters and bundles (index <c>matters</c>, ADR 0012).
/// The index is derived data: before each search a cheap stamp (count and latest update of published records) is
/// compared with the one the index was built from, and the index is rebuilt when they differ. That keeps every
/// node's index current after a publish on any node without a publish hook in each use case; the catalog holds
/// thousands of records, which rebuild in well under a second.
/// </summary>
internal sealed class MatterSearch(ISearchIndexes indexes, IServiceScopeFactory scopes) : IPortalSearchSource, IDisposable
{
    private static readonly IReadOnlyDictionary<string, float> Boosts = new Dictionary<string, float> { ["title"] = 4, ["keywords"] = 2, ["body"] = 1 };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _stamp;

    /// <summary>What a hit carries back for list pages.</summary>
    public sealed record Summary(string Kind, string Code, string Name, string TypeName, int? PromisedLimitDays, int? OnSiteVisits, int? OnlineDepth, string? Description);

    public async Task<SearchResult> SearchAsync(string? text, string? type, int skip, int take, CancellationToken ct)
    {
        var index = await CurrentAsync(ct);
        var filters = type is null ? null : new Dictionary<string, IReadOnlyList<string>> { ["type"] = [type] };
        return index.Search(new SearchQuery(text, filters, ["type", "kind"], skip, take, Boosts: Boosts));
    }

    public async Task<IReadOnlyList<PortalSearchHit>> SearchAsync(string query, Actor actor, int take, CancellationToken cancellationToken)
    {
        var result = await SearchAsync(query, null, 0, take, cancellationToken);
        return [.. result.Hits.Select(h =>
        {
            var s = JsonSerializer.Deserialize<Summary>(h.Payload!, MattersJson.Options)!;
            var isBundle = s.Kind == "bundle";
            return new PortalSearchHit(isBundle ? $"/portal/bundles/{s.Code}" : $"/portal/matters/{s.Code}",
                h.Highlights.GetValueOrDefault("title") ?? System.Net.WebUtility.HtmlEncode(s.Name),
                h.Highlights.GetValueOrDefault("body"),
                isBundle ? "一件事" : "办事事项", isBundle ? "Life event" : "Service", h.Score);
        })];
    }

    public void Dispose() => _gate.Dispose();

    public static Summary Read(SearchHit hit) => JsonSerializer.Deserialize<Summary>(hit.Payload!, MattersJson.Options)!;

    private async Task<ISearchIndex> CurrentAsync(CancellationToken ct)
    {
        var index = indexes.Get("matters");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MattersDbContext>();
        var stamp = await StampAsync(db, ct);
        if (stamp == _stamp) return index;
        await _gate.WaitAsync(ct);
        try
        {
            if (stamp == _stamp) return index;
            index.Rebuild(await DocumentsAsync(db, ct));
            _stamp = stamp;
            return index;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<string> StampAsync(MattersDbContext db, CancellationToken ct)
    {
        // Revisions change on every edit and publish; their sum with the counts identifies the published state
        // well enough to decide whether to rebuild (a false "changed" only costs a rebuild).
        var matters = await db.Matters.Where(m => m.StandardId == null && m.PublishedVersion != null)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Revisions = g.Sum(m => (long)m.Revision) }).FirstOrDefaultAsync(ct);
        var bundles = await db.Bundles.Where(b => b.PublishedContent != null)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Revisions = g.Sum(b => (long)b.Revision) }).FirstOrDefaultAsync(ct);
        return string.Create(CultureInfo.InvariantCulture, $"{matters?.Count}:{matters?.Revisions}:{bundles?.Count}:{bundles?.Revisions}");
    }

    private static async Task<List<SearchDocument>> DocumentsAsync(MattersDbContext db, CancellationToken ct)
    {
        var docs = new List<SearchDocument>();
        var standards = await db.Matters.AsNoTracking().Where(m => m.StandardId == null && m.PublishedVersion != null).ToListAsync(ct);
        var contents = await db.Versions.AsNoTracking().Where(v => v.Status == VersionStatus.Published)
            .Select(v => new { v.MatterId, v.Content }).ToListAsync(ct);
        var byMatter = contents.ToDictionary(c => c.MatterId, c => c.Content);
        foreach (var m in standards)
        {
            var content = byMatter.TryGetValue(m.Id, out var json) ? MatterContent.FromJson(json) : new MatterContent();
            var d = new SearchDocument
            {
                Id = "matter:" + m.BasicCode,
                Payload = JsonSerializer.Serialize(new Summary("matter", m.BasicCode, m.Name, MatterTypeNames.Zh(m.Type), content.PromisedLimitDays,
                    content.OnSiteVisits, content.OnlineDepth, null), MattersJson.Options),
            };
            d.Text["title"] = m.Name;
            d.Text["keywords"] = m.Keywords + " " + m.BasicCode;
            d.Text["body"] = string.Join(" ", new[] { content.AcceptanceConditions, content.LegalBasis }.Where(s => !string.IsNullOrEmpty(s))
                .Concat((content.Materials ?? []).Select(x => x.Name)));
            d.Keywords["type"] = [MatterTypeNames.Zh(m.Type)];
            d.Keywords["kind"] = ["事项"];
            docs.Add(d);
        }
        foreach (var b in await db.Bundles.AsNoTracking().Where(b => b.PublishedContent != null).ToListAsync(ct))
        {
            var content = BundleContent.FromJson(b.PublishedContent!);
            var members = standards.Where(s => content.Members.Any(x => x.BasicCode == s.BasicCode)).Select(s => s.Name).ToList();
            var d = new SearchDocument
            {
                Id = $"bundle:{b.DivisionCode}:{b.Code}",
                Payload = JsonSerializer.Serialize(new Summary("bundle", b.Code, content.Name, "一件事", null, null, null, content.Description), MattersJson.Options),
            };
            d.Text["title"] = content.Name;
            d.Text["keywords"] = string.Join(" ", content.Keywords);
            d.Text["body"] = content.Description + " " + string.Join(" ", members);
            d.Keywords["type"] = ["一件事"];
            d.Keywords["kind"] = ["一件事"];
            docs.Add(d);
        }
        return docs;
    }
}
