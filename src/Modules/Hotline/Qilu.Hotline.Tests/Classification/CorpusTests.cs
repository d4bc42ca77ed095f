using Qilu.Hotline.Classification;
using Shouldly;

namespace Qilu.Hotline.Tests.Classification;

/// <summary>The shipped labelled corpus matches the taxonomy and keeps its held-out parts apart from training.</summary>
public sealed class CorpusTests
{
    private readonly HotlineCorpus corpus = HotlineCorpus.Embedded;

    [Fact]
    public void Labels_WhenLoaded_AreLevelThreeCodesAndEveryLeafHasTrainingAndTestRows()
    {
        var taxonomy = HotlineTaxonomy.Embedded;
        foreach (var row in corpus.Entries)
        {
            taxonomy.Find(row.Code).ShouldNotBeNull(row.Code).Level.ShouldBe(3);
            row.Split.ShouldBeOneOf(HotlineCorpus.Train, HotlineCorpus.Test, HotlineCorpus.Probe);
            row.Text.ShouldNotBeNullOrWhiteSpace();
        }

        foreach (var leaf in taxonomy.Leaves)
        {
            corpus.Entries.Count(r => r.Code == leaf.Code && r.Split == HotlineCorpus.Train).ShouldBeGreaterThanOrEqualTo(40, leaf.Code);
            corpus.Entries.Count(r => r.Code == leaf.Code && r.Split == HotlineCorpus.Test).ShouldBeGreaterThanOrEqualTo(10, leaf.Code);
        }
    }

    [Fact]
    public void HeldOutRows_WhenCompared_NeverRepeatATrainingText()
    {
        var training = corpus.Split(HotlineCorpus.Train).Select(r => r.Text).ToHashSet(StringComparer.Ordinal);
        corpus.Entries.Where(r => r.Split != HotlineCorpus.Train).ShouldAllBe(r => !training.Contains(r.Text));
        corpus.Split(HotlineCorpus.Train).ShouldAllBe(r => r.Seen);
        corpus.Split(HotlineCorpus.Test).Count(r => !r.Seen).ShouldBeGreaterThan(corpus.Split(HotlineCorpus.Test).Count / 3);
    }

    [Fact]
    public void HeldOutCities_WhenTrainingRowsScanned_NeverAppear()
    {
        // generate_corpus.py keeps four of Shandong's sixteen cities for held-out rows (seed 12345: 日照 济南 潍坊 烟台).
        string[] heldOut = ["日照", "济南", "潍坊", "烟台"];
        corpus.Split(HotlineCorpus.Train).ShouldAllBe(r => !heldOut.Any(city => r.Text.Contains(city)));
        corpus.Split(HotlineCorpus.Test).Count(r => heldOut.Any(city => r.Text.Contains(city))).ShouldBeGreaterThan(100);
    }
}
