namespace Qilu.Hotline.Classification;

/// <summary>Accuracy of a classifier on labelled rows.</summary>
/// <param name="Count">Rows evaluated.</param>
/// <param name="Top1">Share of rows whose best suggestion is the label.</param>
/// <param name="Top3">Share of rows whose label is among the (up to) three suggestions.</param>
/// <param name="Level1Top1">Share of rows whose best suggestion is in the label's level-1 category.</param>
/// <param name="ByLevel1">Top-1 accuracy per level-1 category of the label.</param>
/// <param name="Confusions">The most frequent wrong best suggestions (label → suggestion, level 3), most frequent first.</param>
internal sealed record EvaluationReport(
    int Count,
    double Top1,
    double Top3,
    double Level1Top1,
    IReadOnlyList<Level1Accuracy> ByLevel1,
    IReadOnlyList<Confusion> Confusions);

/// <summary>Top-1 accuracy of the rows labelled with one level-1 category.</summary>
/// <param name="Code">Level-1 code.</param>
/// <param name="Name">Level-1 name.</param>
/// <param name="Count">Rows labelled in this level-1 category.</param>
/// <param name="Top1">Share of them whose best suggestion is the label.</param>
/// <param name="Level1Top1">Share of them whose best suggestion is in the same level-1 category.</param>
/// <param name="Top3">Share of them whose label is among the suggestions.</param>
internal sealed record Level1Accuracy(string Code, string Name, int Count, double Top1, double Level1Top1, double Top3);

/// <summary>How often rows of category <paramref name="Expected"/> got <paramref name="Suggested"/> as best suggestion.</summary>
internal sealed record Confusion(string Expected, string Suggested, int Count);

/// <summary>Measures top-1/top-3 accuracy of a classifier on corpus rows (used by the tests, the bench and the docs).</summary>
internal static class ClassifierEvaluation
{
    /// <summary>Classifies every row and compares with its label.</summary>
    public static EvaluationReport Evaluate(ITicketClassifier classifier, IReadOnlyList<CorpusEntry> rows, IHotlineTaxonomy taxonomy, int confusions = 10)
    {
        var top1 = 0;
        var top3 = 0;
        var level1 = 0;
        var perLevel1 = new SortedDictionary<string, int[]>(StringComparer.Ordinal); // count, top1, level1, top3
        var wrong = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            var suggestions = classifier.Classify(row.Text).Suggestions;
            var best = suggestions.Count > 0 ? suggestions[0].CategoryCode : string.Empty;
            var hit1 = best == row.Code;
            var hit3 = suggestions.Any(s => s.CategoryCode == row.Code);
            var sameLevel1 = best.Length > 0 && HotlineTaxonomy.Level1Of(best) == HotlineTaxonomy.Level1Of(row.Code);
            top1 += hit1 ? 1 : 0;
            top3 += hit3 ? 1 : 0;
            level1 += sameLevel1 ? 1 : 0;
            var key = HotlineTaxonomy.Level1Of(row.Code);
            if (!perLevel1.TryGetValue(key, out var counts))
            {
                perLevel1[key] = counts = new int[4];
            }

            counts[0]++;
            counts[1] += hit1 ? 1 : 0;
            counts[2] += sameLevel1 ? 1 : 0;
            counts[3] += hit3 ? 1 : 0;
            if (!hit1)
            {
                wrong[(row.Code, best)] = wrong.GetValueOrDefault((row.Code, best)) + 1;
            }
        }

        double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
        return new EvaluationReport(
            rows.Count,
            Share(top1, rows.Count),
            Share(top3, rows.Count),
            Share(level1, rows.Count),
            [.. perLevel1.Select(kv => new Level1Accuracy(kv.Key, taxonomy.Find(kv.Key)?.Name ?? kv.Key, kv.Value[0],
                Share(kv.Value[1], kv.Value[0]), Share(kv.Value[2], kv.Value[0]), Share(kv.Value[3], kv.Value[0])))],
            [.. wrong.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item1, StringComparer.Ordinal)
                .ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal).Take(confusions)
                .Select(kv => new Confusion(kv.Key.Item1, kv.Key.Item2, kv.Value))]);
    }
}
