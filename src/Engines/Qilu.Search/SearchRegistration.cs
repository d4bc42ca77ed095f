using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Qilu.Search;

/// <summary>Registers the search engine.</summary>
public static partial class SearchRegistration
{
    /// <summary>
    /// Indexes on disk under <paramref name="indexDirectory"/> (one folder per index), or in memory when it is null
    /// (tests, or nodes that rebuild at start).
    /// </summary>
    public static IServiceCollection AddQiluSearch(this IServiceCollection services, string? indexDirectory)
    {
        services.TryAddSingleton<ISearchIndexes>(_ => new SearchIndexes(indexDirectory));
        return services;
    }

    /// <summary>Creates a standalone set of indexes (tools, benchmarks); dispose it to close them.</summary>
    public static ISearchIndexes Open(string? indexDirectory) => new SearchIndexes(indexDirectory);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IndexName();

    private sealed class SearchIndexes(string? root) : ISearchIndexes, IDisposable
    {
        private readonly ConcurrentDictionary<string, Lazy<LuceneSearchIndex>> _open = new(StringComparer.Ordinal);

        public ISearchIndex Get(string name)
        {
            if (!IndexName().IsMatch(name)) throw new ArgumentException($"Index name '{name}' must match [a-z0-9-]+.", nameof(name));
            return _open.GetOrAdd(name, n => new Lazy<LuceneSearchIndex>(() => new LuceneSearchIndex(n,
                root is null ? new RAMDirectory() : FSDirectory.Open(System.IO.Directory.CreateDirectory(Path.Combine(root, n)))))).Value;
        }

        public void Dispose()
        {
            foreach (var index in _open.Values.Where(l => l.IsValueCreated)) index.Value.Dispose();
        }
    }
}
