using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Qilu.Hotline.Classification;

/// <summary>
/// The ticket classifier: TF-IDF weighted character 1–3-grams (<see cref="TextFeatures"/>), L2-normalised, into a
/// multinomial logistic regression (softmax) trained by plain stochastic gradient descent. Written by hand rather than
/// with ML.NET (ADR 0017): same model family, no 10 MB of dependencies, sub-second deterministic training at start-up,
/// and a classify path that allocates only its result. Immutable once trained, so <see cref="Classify"/> is
/// thread-safe.
/// </summary>
internal sealed class NgramSoftmaxClassifier : ITicketClassifier
{
    /// <summary>How many suggestions <see cref="Classify"/> returns at most.</summary>
    public const int SuggestionCount = 3;

    private const float MinGradient = 1e-4f;

    private static readonly Lazy<NgramSoftmaxClassifier> EmbeddedInstance = new(
        () => Train(HotlineCorpus.Embedded.Split(HotlineCorpus.Train), HotlineCorpus.Embedded.Sha256),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<long, int> vocabulary;
    private readonly float[] idf;
    private readonly float[] weights; // feature-major: row j holds the weight of feature j for every class
    private readonly float[] bias;
    private readonly string[] codes;
    private readonly int stride;

    private NgramSoftmaxClassifier(Dictionary<long, int> vocabulary, float[] idf, float[] weights, float[] bias,
        string[] codes, int stride, string modelVersion, TimeSpan trainingTime)
    {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.weights = weights;
        this.bias = bias;
        this.codes = codes;
        this.stride = stride;
        ModelVersion = modelVersion;
        TrainingTime = trainingTime;
    }

    /// <summary>The classifier trained on the training split of the embedded corpus (trained once per process, on first
    /// use; see <see cref="TrainingTime"/>).</summary>
    public static NgramSoftmaxClassifier Embedded => EmbeddedInstance.Value;

    /// <summary>Identifies model family, hyper-parameters and corpus, e.g. <c>ngram13-softmax/e12-lr1-df2-s12345/corpus-3f2a9c1d0e4b</c>.</summary>
    public string ModelVersion { get; }

    /// <summary>Wall-clock time the training took (feature extraction included).</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>The category codes the model can suggest, in code order.</summary>
    public IReadOnlyList<string> Categories => codes;

    /// <summary>Number of n-gram features kept after the document-frequency cut.</summary>
    public int FeatureCount => idf.Length;

    /// <summary>Trains a classifier on labelled rows. Deterministic: the same rows (in the same order) and options
    /// give bit-identical weights.</summary>
    /// <param name="rows">Training rows; their codes become the categories.</param>
    /// <param name="corpusId">Identifies the rows in <see cref="ModelVersion"/> (e.g. the corpus file's SHA-256).</param>
    /// <param name="options">Hyper-parameters; defaults when null.</param>
    public static NgramSoftmaxClassifier Train(IReadOnlyList<CorpusEntry> rows, string corpusId, ClassifierTrainingOptions? options = null)
    {
        options ??= new ClassifierTrainingOptions();
        if (rows.Count == 0)
        {
            throw new ArgumentException("no training rows", nameof(rows));
        }

        var clock = Stopwatch.StartNew();
        var codes = rows.Select(r => r.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var classOf = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var lanes = Vector<float>.Count;
        var stride = (codes.Length + lanes - 1) / lanes * lanes;

        // Document frequency of every key, then the vocabulary in key order (independent of hashing and row order).
        var keyBuffer = new long[TextFeatures.MaxKeys(rows.Max(r => r.Text.Length))];
        var documentFrequency = new Dictionary<long, int>();
        var seen = new HashSet<long>();
        foreach (var row in rows)
        {
            seen.Clear();
            var n = TextFeatures.Extract(row.Text, keyBuffer);
            for (var k = 0; k < n; k++)
            {
                if (seen.Add(keyBuffer[k]))
                {
                    documentFrequency[keyBuffer[k]] = documentFrequency.GetValueOrDefault(keyBuffer[k]) + 1;
                }
            }
        }

        var kept = documentFrequency.Where(kv => kv.Value >= options.MinDocumentFrequency).Select(kv => kv.Key).Order().ToArray();
        var vocabulary = new Dictionary<long, int>(kept.Length);
        var idf = new float[kept.Length];
        for (var j = 0; j < kept.Length; j++)
        {
            vocabulary[kept[j]] = j;
            idf[j] = (float)(Math.Log((rows.Count + 1.0) / (documentFrequency[kept[j]] + 1.0)) + 1.0);
        }

        var weights = new float[kept.Length * stride];
        var bias = new float[stride];
        var model = new NgramSoftmaxClassifier(vocabulary, idf, weights, bias, codes, stride, string.Empty, TimeSpan.Zero);

        // Sparse training vectors, computed once.
        var ids = new int[rows.Count][];
        var values = new float[rows.Count][];
        var idBuffer = new int[keyBuffer.Length];
        var valueBuffer = new float[keyBuffer.Length];
        for (var r = 0; r < rows.Count; r++)
        {
            var n = model.Vectorise(rows[r].Text, keyBuffer, idBuffer, valueBuffer);
            ids[r] = idBuffer[..n];
            values[r] = valueBuffer[..n];
        }

        var order = Enumerable.Range(0, rows.Count).ToArray();
        var random = new SplitMix64(options.Seed);
        var scores = new float[stride];
        var gradient = new float[stride];
        var activeClasses = new int[stride];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Shuffle(order, ref random);
            var rate = options.LearningRate / (1f + epoch);
            foreach (var r in order)
            {
                model.Scores(ids[r], values[r], scores);
                Softmax(scores, codes.Length);
                scores.AsSpan(0, codes.Length).CopyTo(gradient);
                gradient[classOf[rows[r].Code]] -= 1f;
                for (var c = 0; c < codes.Length; c++)
                {
                    bias[c] -= rate * gradient[c];
                }

                // After the first epoch nearly every class has a probability of ~0 for a given row; updating only the
                // classes with a gradient that matters makes training several times faster and changes no decision.
                var active = 0;
                for (var c = 0; c < codes.Length; c++)
                {
                    if (Math.Abs(gradient[c]) >= MinGradient)
                    {
                        activeClasses[active++] = c;
                    }
                }

                if (active * 4 < stride)
                {
                    for (var k = 0; k < ids[r].Length; k++)
                    {
                        var row = weights.AsSpan(ids[r][k] * stride, stride);
                        var step = rate * values[r][k];
                        for (var a = 0; a < active; a++)
                        {
                            row[activeClasses[a]] -= step * gradient[activeClasses[a]];
                        }
                    }

                    continue;
                }

                var g = MemoryMarshal.Cast<float, Vector<float>>(gradient.AsSpan());
                for (var k = 0; k < ids[r].Length; k++)
                {
                    var row = MemoryMarshal.Cast<float, Vector<float>>(weights.AsSpan(ids[r][k] * stride, stride));
                    var step = new Vector<float>(rate * values[r][k]);
                    for (var v = 0; v < row.Length; v++)
                    {
                        row[v] -= step * g[v];
                    }
                }
            }
        }

        var version = string.Create(CultureInfo.InvariantCulture,
            $"ngram13-softmax/e{options.Epochs}-lr{options.LearningRate}-df{options.MinDocumentFrequency}-s{options.Seed}/corpus-{corpusId[..Math.Min(12, corpusId.Length)]}");
        return new NgramSoftmaxClassifier(vocabulary, idf, weights, bias, codes, stride, version, clock.Elapsed);
    }

    /// <inheritdoc />
    public ClassificationResult Classify(string content) => new(Rank(content, SuggestionCount), ModelVersion);

    /// <summary>The <paramref name="top"/> most probable categories, best first (ties broken by code order); empty when
    /// the text has no feature the model knows (empty, only punctuation, or an unknown script).</summary>
    public IReadOnlyList<CategorySuggestion> Rank(string? content, int top)
    {
        if (string.IsNullOrWhiteSpace(content) || top <= 0)
        {
            return [];
        }

        var capacity = TextFeatures.MaxKeys(content.Length);
        var keys = ArrayPool<long>.Shared.Rent(capacity);
        var ids = ArrayPool<int>.Shared.Rent(capacity);
        var values = ArrayPool<float>.Shared.Rent(capacity);
        try
        {
            var n = Vectorise(content, keys, ids, values);
            if (n == 0)
            {
                return [];
            }

            Span<float> scores = stackalloc float[stride];
            Scores(ids.AsSpan(0, n), values.AsSpan(0, n), scores);
            Softmax(scores, codes.Length);
            return TopOf(scores[..codes.Length], Math.Min(top, codes.Length));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(ids);
            ArrayPool<float>.Shared.Return(values);
        }
    }

    /// <summary>Sparse TF-IDF vector of a text: sorted feature ids with (1 + ln tf)·idf, L2-normalised.</summary>
    private int Vectorise(ReadOnlySpan<char> text, Span<long> keys, Span<int> ids, Span<float> values)
    {
        var count = TextFeatures.Extract(text, keys);
        var known = 0;
        for (var k = 0; k < count; k++)
        {
            if (vocabulary.TryGetValue(keys[k], out var id))
            {
                ids[known++] = id;
            }
        }

        ids[..known].Sort();
        var n = 0;
        var norm = 0.0;
        for (var k = 0; k < known;)
        {
            var id = ids[k];
            var tf = 0;
            while (k < known && ids[k] == id)
            {
                tf++;
                k++;
            }

            var value = (1f + MathF.Log(tf)) * idf[id];
            ids[n] = id;
            values[n++] = value;
            norm += value * value;
        }

        var scale = (float)(1.0 / Math.Sqrt(norm));
        for (var k = 0; k < n; k++)
        {
            values[k] *= scale;
        }

        return n;
    }

    private void Scores(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> scores)
    {
        bias.AsSpan().CopyTo(scores);
        var s = MemoryMarshal.Cast<float, Vector<float>>(scores);
        for (var k = 0; k < ids.Length; k++)
        {
            var row = MemoryMarshal.Cast<float, Vector<float>>(weights.AsSpan(ids[k] * stride, stride));
            var x = new Vector<float>(values[k]);
            for (var v = 0; v < s.Length; v++)
            {
                s[v] += x * row[v];
            }
        }
    }

    private static void Softmax(Span<float> scores, int classes)
    {
        var max = float.NegativeInfinity;
        for (var c = 0; c < classes; c++)
        {
            max = Math.Max(max, scores[c]);
        }

        var sum = 0f;
        for (var c = 0; c < classes; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < classes; c++)
        {
            scores[c] /= sum;
        }

        scores[classes..].Clear();
    }

    private CategorySuggestion[] TopOf(ReadOnlySpan<float> probabilities, int top)
    {
        Span<int> best = stackalloc int[top];
        var filled = 0;
        for (var c = 0; c < probabilities.Length; c++)
        {
            // Insertion into a short sorted list; strict '>' keeps the lower code first on ties.
            var position = filled;
            while (position > 0 && probabilities[c] > probabilities[best[position - 1]])
            {
                position--;
            }

            if (position >= top)
            {
                continue;
            }

            for (var m = Math.Min(filled, top - 1); m > position; m--)
            {
                best[m] = best[m - 1];
            }

            best[position] = c;
            filled = Math.Min(filled + 1, top);
        }

        var result = new CategorySuggestion[filled];
        for (var k = 0; k < filled; k++)
        {
            result[k] = new CategorySuggestion(codes[best[k]], probabilities[best[k]]);
        }

        return result;
    }

    private static void Shuffle(int[] order, ref SplitMix64 random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)(random.Next() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>SplitMix64: a fixed, documented generator, so the row order (and hence the model) does not depend on
    /// System.Random's implementation.</summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong state = seed;

        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
