using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Qilu.Hotline.Classification;
using static Qilu.Bench.BenchOptions;

namespace Qilu.Bench.Classifier;

/// <summary>
/// Hotline ticket classifier: training time (min of <c>--trainings N</c>, 3), accuracy on the held-out split (and its
/// seen/unseen-phrasing halves and the probe split), per level-1 accuracy, the most frequent confusions, and
/// classifications per second single-threaded and on all cores for <c>--seconds S</c> (5) each, with per-call latency
/// percentiles.
/// </summary>
internal static class ClassifierBenchmark
{
    public static int Run(string[] args)
    {
        var trainings = Int(args, "--trainings", 3);
        var seconds = Int(args, "--seconds", 5);
        Console.WriteLine($"# Qilu hotline classifier benchmark — {TimeProvider.System.GetUtcNow().ToString("u", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"# {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical CPUs, load {LoadAverage()}");

        var clock = Stopwatch.StartNew();
        var corpus = HotlineCorpus.Embedded;
        var taxonomy = HotlineTaxonomy.Embedded;
        Console.WriteLine($"corpus load: {clock.ElapsedMilliseconds} ms ({N0(corpus.Entries.Count)} rows, sha256 {corpus.Sha256[..12]}); taxonomy {taxonomy.All.Count} categories, {taxonomy.Leaves.Count} leaves");

        var train = corpus.Split(HotlineCorpus.Train);
        NgramSoftmaxClassifier? model = null;
        var times = new List<double>();
        for (var k = 0; k < trainings; k++)
        {
            model = NgramSoftmaxClassifier.Train(train, corpus.Sha256);
            times.Add(model.TrainingTime.TotalMilliseconds);
        }

        Console.WriteLine($"training on {N0(train.Count)} rows: {string.Join(" / ", times.Select(t => F(t, 0)))} ms (first includes JIT); {N0(model!.FeatureCount)} features × {model.Categories.Count} classes; model {model.ModelVersion}");

        var test = corpus.Split(HotlineCorpus.Test);
        var report = ClassifierEvaluation.Evaluate(model, test, taxonomy, confusions: 12);
        Print("held-out test", report);
        Print("  seen phrasing", ClassifierEvaluation.Evaluate(model, [.. test.Where(r => r.Seen)], taxonomy));
        Print("  unseen phrasing", ClassifierEvaluation.Evaluate(model, [.. test.Where(r => !r.Seen)], taxonomy));
        Print("probe (subject and problem unseen)", ClassifierEvaluation.Evaluate(model, corpus.Split(HotlineCorpus.Probe), taxonomy));
        Print("training split (fit)", ClassifierEvaluation.Evaluate(model, train, taxonomy));
        Console.WriteLine("per level-1 category (held-out test): top-1 / same level-1 / top-3");
        foreach (var l in report.ByLevel1)
        {
            Console.WriteLine($"  {l.Code} {l.Name}: n={l.Count} {Pct(l.Top1)} / {Pct(l.Level1Top1)} / {Pct(l.Top3)}");
        }

        Console.WriteLine("most frequent confusions (held-out test):");
        foreach (var c in report.Confusions)
        {
            Console.WriteLine($"  {c.Expected} {taxonomy.Find(c.Expected)?.Name} → {c.Suggested} {taxonomy.Find(c.Suggested)?.Name}: {c.Count}");
        }

        var texts = test.Select(r => r.Text).ToArray();
        var latencies = new List<double>();
        var count = 0L;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                model.Classify(text);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }

            count += texts.Length;
        }

        var single = count / clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        Console.WriteLine($"classify, 1 thread: {N0(single)} classifications/s; latency p50 {F(Percentile(sorted, 0.5), 1)} µs, p99 {F(Percentile(sorted, 0.99), 1)} µs, max {F(sorted[^1], 1)} µs (avg text {F(texts.Average(t => t.Length), 0)} chars)");

        var threads = Environment.ProcessorCount;
        var total = 0L;
        clock.Restart();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var local = 0L;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                for (var i = t; i < texts.Length; i += threads)
                {
                    model.Classify(texts[i]);
                    local++;
                }
            }

            Interlocked.Add(ref total, local);
        });
        Console.WriteLine($"classify, {threads} threads: {N0(total / clock.Elapsed.TotalSeconds)} classifications/s");
        Console.WriteLine($"targets: top-1 ≥ 85 % {(report.Top1 >= 0.85 ? "met" : "NOT met")}, top-3 ≥ 95 % {(report.Top3 >= 0.95 ? "met" : "NOT met")}");
        return report.Top1 >= 0.85 && report.Top3 >= 0.95 ? 0 : 2;
    }

    private static void Print(string label, EvaluationReport r) =>
        Console.WriteLine($"{label}: n={N0(r.Count)} top-1 {Pct(r.Top1)}, top-3 {Pct(r.Top3)}, level-1 {Pct(r.Level1Top1)}");

    private static string Pct(double v) => F(v * 100, 2) + " %";
}
