using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Data;
using Qilu.Search;

namespace Qilu.Hotline.Knowledge;

/// <summary>
/// The knowledge base's Chinese full-text index (shared search engine, index <c>hotline-knowledge</c>: SmartCn analyser,
/// BM25). The index is derived data: before each search a stamp (count and sum of versions) is compared with the one it
/// was built from and the index is rebuilt when they differ, so an edit on any node is searchable on every node without
/// a hook in each use case. A knowledge base holds hundreds to a few thousand articles, which rebuild in well under a second.
/// </summary>
internal sealed class KnowledgeIndex(ISearchIndexes indexes, IServiceScopeFactory scopes, CategoryCatalog categories) : IDisposable
{
    public const string Name = "hotline-knowledge";

    private static readonly IReadOnlyDictionary<string, float> Boosts = new Dictionary<string, float> { ["title"] = 3, ["keywords"] = 2, ["body"] = 1 };

    // Words every caller uses; they say nothing about which article fits.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "希望", "反映", "没有", "一个", "现在", "市民", "我们", "他们", "自己", "已经", "问题", "情况", "相关", "部门", "要求", "处理", "解决",
        "可以", "什么", "怎么", "如何", "需要", "请问", "这个", "那个", "还是", "但是", "因为", "所以", "咨询", "来电", "表示", "一下",
    };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _stamp;

    /// <summary>A hit: the article id, its score and the highlighted fragments.</summary>
    public sealed record Hit(Guid Id, float Score, string? TitleHighlight, string? BodyHighlight);

    /// <summary>A typed query (the engine's rule: space-separated words each required).</summary>
    public async Task<(int Total, IReadOnlyList<Hit> Hits)> SearchAsync(string? text, string? status, string? category, int skip, int take, CancellationToken ct)
    {
        var index = await CurrentAsync(ct);
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        if (status is not null) filters["status"] = [status];
        if (category is not null) filters["category"] = [category];
        var r = index.Search(new SearchQuery(text, filters, null, skip, take, Boosts: Boosts));
        return (r.Total, [.. r.Hits.Select(Of)]);
    }

    /// <summary>
    /// Published articles that fit what a caller said. A caller's account is long and loose: requiring half its words
    /// (the rule for a typed query) would find nothing, so each significant word is looked up on its own and votes with
    /// its BM25 score; articles filed under the category the ticket is classified in get a bonus.
    /// </summary>
    public async Task<IReadOnlyList<Hit>> RelatedAsync(string content, string? categoryCode, int take, CancellationToken ct)
    {
        var index = await CurrentAsync(ct);
        var words = index.Tokens(content).Where(t => t.Length >= 2 && !Common.Contains(t)).Distinct(StringComparer.Ordinal).Take(24).ToList();
        if (words.Count == 0) return [];
        var published = new Dictionary<string, IReadOnlyList<string>> { ["status"] = ["published"] };
        var scores = new Dictionary<Guid, (float Score, int Words, Hit Hit)>();
        foreach (var w in words)
            foreach (var h in index.Search(new SearchQuery(w, published, null, 0, 20, Boosts: Boosts)).Hits)
            {
                var hit = Of(h);
                scores[hit.Id] = scores.TryGetValue(hit.Id, out var s) ? (s.Score + h.Score, s.Words + 1, s.Hit) : (h.Score, 1, hit);
            }
        if (categoryCode is not null)
            foreach (var h in index.Search(new SearchQuery(null, new Dictionary<string, IReadOnlyList<string>>(published) { ["category"] = [categoryCode] }, null, 0, 50)).Hits)
                if (scores.TryGetValue(Guid.Parse(h.Id), out var s)) scores[s.Hit.Id] = (s.Score * 1.5f, s.Words + 1, s.Hit);
        // One shared everyday word is chance; two (or one when the caller said little) is a match worth showing.
        var need = words.Count <= 3 ? 1 : 2;
        return [.. scores.Values.Where(s => s.Words >= need).OrderByDescending(s => s.Score).Take(take).Select(s => s.Hit with { Score = s.Score })];
    }

    /// <summary>Throws the index away so the next search rebuilds it (after a bulk change in tests or tools).</summary>
    public void Invalidate() => _stamp = null;

    public void Dispose() => _gate.Dispose();

    private static Hit Of(SearchHit h) => new(Guid.Parse(h.Id), h.Score, h.Highlights.GetValueOrDefault("title"), h.Highlights.GetValueOrDefault("body"));

    private async Task<ISearchIndex> CurrentAsync(CancellationToken ct)
    {
        var index = indexes.Get(Name);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var s = await db.Articles.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Versions = g.Sum(a => (long)a.Version) }).FirstOrDefaultAsync(ct);
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{s?.Count}:{s?.Versions}");
        if (stamp == _stamp) return index;
        await _gate.WaitAsync(ct);
        try
        {
            if (stamp == _stamp) return index;
            var articles = await db.Articles.AsNoTracking().ToListAsync(ct);
            index.Rebuild(articles.Select(Document));
            _stamp = stamp;
            return index;
        }
        finally
        {
            _gate.Release();
        }
    }

    private SearchDocument Document(KnowledgeArticle a)
    {
        var d = new SearchDocument { Id = a.Id.ToString() };
        d.Text["title"] = a.Title;
        d.Text["body"] = a.Body;
        d.Text["keywords"] = string.Join(" ", a.Categories().Select(c => categories.Find(c)?.Name).OfType<string>().Concat(a.Matters()));
        d.Keywords["status"] = [ArticleStatuses.Key(a.Status)];
        // A level-3 code also files the article under its level-2 and level-1 parents (filter by a branch of the taxonomy).
        d.Keywords["category"] = [.. a.Categories().SelectMany(Ancestry).Distinct(StringComparer.Ordinal)];
        return d;
    }

    private IEnumerable<string> Ancestry(string code)
    {
        for (var c = categories.Find(code); c is not null; c = categories.Find(c.ParentCode)) yield return c.Code;
    }
}
