using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Qilu.Search;

/// <summary>
/// <see cref="ISearchIndex"/> on Lucene.NET 4.8 with the SmartCn Chinese analyser and BM25. Keyword fields are
/// indexed untokenised (filters) and as sorted-set doc values (facet counts without the Facet module, which the
/// package mirror does not serve). Writes commit and refresh the searcher before returning, so a module that
/// indexes in its event handler can search its own write immediately.
/// </summary>
internal sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "_id";
    private const string PayloadField = "_payload";
    private const string KeywordPrefix = "kw_";
    private const string NumberPrefix = "num_";
    private const int MaxTake = 1000;
    private const string MarkStart = "\uE000";
    private const string MarkEnd = "\uE001";

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeGate = new();

    public LuceneSearchIndex(string name, LuceneDirectory directory)
    {
        Name = name;
        _directory = directory;
        // Keyword and id fields are stored untokenised; only text fields go through the Chinese analyser.
        _analyzer = new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(Version), new Dictionary<string, Analyzer>());
        var config = new IndexWriterConfig(Version, _analyzer)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE_OR_APPEND,
        };
        _writer = new IndexWriter(directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new BM25SearcherFactory());
    }

    public string Name { get; }

    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    public void Upsert(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        lock (_writeGate)
        {
            foreach (var d in documents) _writer.UpdateDocument(new Term(IdField, d.Id), ToLucene(d));
            CommitAndRefresh();
        }
    }

    public void Delete(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_writeGate)
        {
            _writer.DeleteDocuments([.. ids.Select(id => new Term(IdField, id))]);
            CommitAndRefresh();
        }
    }

    public void Rebuild(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        lock (_writeGate)
        {
            // Deletions and additions become visible in one commit: readers see the old or the new index, never half.
            _writer.DeleteAll();
            foreach (var d in documents) _writer.AddDocument(ToLucene(d));
            CommitAndRefresh();
        }
    }

    public IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        using var stream = _analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    public SearchResult Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var take = Math.Clamp(query.Take, 0, MaxTake);
        var skip = Math.Max(0, query.Skip);
        var textQuery = BuildTextQuery(query);
        var luceneQuery = ApplyFilters(textQuery, query.Filters);

        var searcher = _searchers.Acquire();
        try
        {
            var facetFields = query.Facets ?? [];
            var facets = new FacetCollector(facetFields);
            var wanted = Math.Max(1, skip + take);
            TopDocs top;
            if (query.SortBy is { } sortBy)
            {
                var sort = new Sort(new SortField(NumberPrefix + sortBy, SortFieldType.INT64, query.Descending), SortField.FIELD_SCORE);
                var collector = TopFieldCollector.Create(sort, wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
                searcher.Search(luceneQuery, MultiCollector.Wrap(collector, facets));
                top = collector.GetTopDocs();
            }
            else
            {
                var collector = TopScoreDocCollector.Create(wanted, docsScoredInOrder: false);
                searcher.Search(luceneQuery, MultiCollector.Wrap(collector, facets));
                top = collector.GetTopDocs();
            }

            var hits = new List<SearchHit>(Math.Max(0, Math.Min(take, top.ScoreDocs.Length - skip)));
            if (!query.Highlight)
            {
                // Only the id and the payload: the visitor stops decoding a document's stored fields once both are read.
                var noHighlights = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = skip; i < top.ScoreDocs.Length && i < skip + take; i++)
                {
                    var scoreDoc = top.ScoreDocs[i];
                    var visitor = new IdAndPayloadVisitor();
                    searcher.Doc(scoreDoc.Doc, visitor);
                    hits.Add(new SearchHit(visitor.Id ?? "", float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score, visitor.Payload, noHighlights));
                }
                return new SearchResult(top.TotalHits, hits, facets.Results());
            }

            var highlighter = textQuery is MatchAllDocsQuery ? null
                // Marks are private-use characters, turned into <em> only after the fragment is HTML-escaped (pages render
                // highlights as markup; Lucene.NET's own encoder left "<script>" in the text unescaped in our test).
                : new Highlighter(new SimpleHTMLFormatter(MarkStart, MarkEnd), new QueryScorer(textQuery)) { TextFragmenter = new SimpleFragmenter(80) };
            foreach (var scoreDoc in top.ScoreDocs.Skip(skip).Take(take))
            {
                var doc = searcher.Doc(scoreDoc.Doc);
                var highlights = new Dictionary<string, string>(StringComparer.Ordinal);
                if (highlighter is not null)
                    foreach (var field in doc.Fields.Where(f => f.IndexableFieldType.IsTokenized && f.IndexableFieldType.IsStored))
                    {
                        var value = field.GetStringValue();
                        var fragment = highlighter.GetBestFragment(_analyzer, field.Name, value);
                        if (fragment is not null)
                            highlights[field.Name] = System.Net.WebUtility.HtmlEncode(fragment).Replace(MarkStart, "<em>", StringComparison.Ordinal)
                                .Replace(MarkEnd, "</em>", StringComparison.Ordinal);
                    }
                hits.Add(new SearchHit(doc.Get(IdField), float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score, doc.Get(PayloadField), highlights));
            }
            return new SearchResult(top.TotalHits, hits, facets.Results());
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private Query BuildTextQuery(SearchQuery query)
    {
        if (string.IsNullOrWhiteSpace(query.Text)) return new MatchAllDocsQuery();
        var fields = query.Boosts?.Keys.ToList() is { Count: > 0 } named ? named : TextFields();
        // Words the user separated with spaces are each required ("青岛 户籍": both); inside one word, which the
        // analyser may split into several terms, about half must match (see WordQuery).
        var words = query.Text.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries).Take(8)
            .Select(w => WordQuery(w, fields, query.Boosts)).OfType<Query>().ToList();
        if (words.Count == 0) return new MatchAllDocsQuery();
        if (words.Count == 1) return words[0];
        var all = new BooleanQuery();
        foreach (var w in words) all.Add(w, Occur.MUST);
        return all;
    }

    private BooleanQuery? WordQuery(string word, List<string> fields, IReadOnlyDictionary<string, float>? boosts)
    {
        var tokens = Tokens(word).Distinct(StringComparer.Ordinal).ToList();
        if (tokens.Count == 0) return null;
        var combined = new BooleanQuery();
        foreach (var token in tokens)
        {
            // A token may match any text field; the best field counts (title beats body), not the sum.
            var perField = new DisjunctionMaxQuery(0.1f);
            foreach (var field in fields)
                perField.Add(new TermQuery(new Term(field, token)) { Boost = boosts?.GetValueOrDefault(field, 1f) ?? 1f });
            combined.Add(perField, Occur.SHOULD);
        }
        // Chinese segmentation of a word yields terms a relevant document may lack (助词, variants): require about
        // half of them rather than all, and let BM25 rank documents that have more of them first.
        combined.MinimumNumberShouldMatch = Math.Max(1, (tokens.Count + 1) / 2);
        return combined;
    }

    private static Query ApplyFilters(Query textQuery, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters)
    {
        if (filters is null || filters.Count == 0) return textQuery;
        var query = new BooleanQuery { { textQuery, Occur.MUST } };
        foreach (var (field, values) in filters)
        {
            if (values.Count == 0) continue;
            var any = new BooleanQuery();
            foreach (var value in values) any.Add(new TermQuery(new Term(KeywordPrefix + field, value)), Occur.SHOULD);
            // A filter must not change relevance: wrap it as a zero-boost constant-score clause.
            query.Add(new ConstantScoreQuery(any) { Boost = 0f }, Occur.MUST);
        }
        return query;
    }

    private List<string> TextFields()
    {
        var searcher = _searchers.Acquire();
        try
        {
            return [.. MultiFields.GetIndexedFields(searcher.IndexReader)
                .Where(f => !f.StartsWith('_') && !f.StartsWith(KeywordPrefix, StringComparison.Ordinal) && !f.StartsWith(NumberPrefix, StringComparison.Ordinal))];
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static Document ToLucene(SearchDocument d)
    {
        var doc = new Document { new StringField(IdField, d.Id, Field.Store.YES) };
        if (d.Payload is not null) doc.Add(new StoredField(PayloadField, d.Payload));
        foreach (var (name, text) in d.Text)
        {
            if (name.StartsWith('_') || name.StartsWith(KeywordPrefix, StringComparison.Ordinal) || name.StartsWith(NumberPrefix, StringComparison.Ordinal))
                throw new ArgumentException($"Text field name '{name}' is reserved.", nameof(d));
            doc.Add(new TextField(name, text ?? "", Field.Store.YES));
        }
        foreach (var (name, values) in d.Keywords)
            foreach (var value in values.Distinct(StringComparer.Ordinal))
            {
                doc.Add(new StringField(KeywordPrefix + name, value, Field.Store.NO));
                doc.Add(new SortedSetDocValuesField(KeywordPrefix + name, new BytesRef(value)));
            }
        foreach (var (name, number) in d.Numbers)
            doc.Add(new NumericDocValuesField(NumberPrefix + name, number));
        return doc;
    }

    private void CommitAndRefresh()
    {
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    public void Dispose()
    {
        lock (_writeGate)
        {
            _searchers.Dispose();
            _writer.Dispose();
            _analyzer.Dispose();
            _directory.Dispose();
        }
    }

    /// <summary>Reads the id and payload of a stored document and skips its other stored fields (the text fields).</summary>
    private sealed class IdAndPayloadVisitor : StoredFieldVisitor
    {
        public string? Id { get; private set; }

        public string? Payload { get; private set; }

        public override Status NeedsField(FieldInfo fieldInfo) =>
            Id is not null && Payload is not null ? Status.STOP
            : fieldInfo.Name is IdField or PayloadField ? Status.YES : Status.NO;

        public override void StringField(FieldInfo fieldInfo, string value)
        {
            if (fieldInfo.Name == IdField) Id = value;
            else Payload = value;
        }
    }

    private sealed class BM25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>
    /// Counts keyword values over every matching document (the facet module is not served here). Counting is by
    /// ordinal per segment; ordinals are turned into strings once per segment, not once per document.
    /// </summary>
    private sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
    {
        private readonly Dictionary<string, Dictionary<string, int>> _counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        private (string Field, SortedSetDocValues? Values, int[] Counts)[] _segment = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            _segment = [.. fields.Select(f =>
            {
                var values = context.AtomicReader.GetSortedSetDocValues(KeywordPrefix + f);
                return (f, values, new int[values is null ? 0 : checked((int)values.ValueCount)]);
            })];
        }

        public void Collect(int doc)
        {
            foreach (var (_, values, counts) in _segment)
            {
                if (values is null) continue;
                values.SetDocument(doc);
                for (long ord; (ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS;) counts[ord]++;
            }
        }

        private void Flush()
        {
            var bytes = new BytesRef();
            foreach (var (field, values, counts) in _segment)
            {
                if (values is null) continue;
                var totals = _counts[field];
                for (var ord = 0; ord < counts.Length; ord++)
                {
                    if (counts[ord] == 0) continue;
                    values.LookupOrd(ord, bytes);
                    var key = bytes.Utf8ToString();
                    totals[key] = totals.GetValueOrDefault(key) + counts[ord];
                }
            }
            _segment = [];
        }

        public Dictionary<string, IReadOnlyList<FacetCount>> Results()
        {
            Flush();
            return _counts.ToDictionary(
                kv => kv.Key,
                kv => (IReadOnlyList<FacetCount>)[.. kv.Value.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => new FacetCount(x.Key, x.Value))],
                StringComparer.Ordinal);
        }
    }
}
