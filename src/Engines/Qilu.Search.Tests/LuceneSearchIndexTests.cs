using Shouldly;

namespace Qilu.Search.Tests;

public sealed class LuceneSearchIndexTests : IDisposable
{
    private readonly ISearchIndexes _indexes = SearchRegistration.Open(null);

    public void Dispose() => (_indexes as IDisposable)?.Dispose();

    private static SearchDocument Doc(string id, string title, string body, string unit, string theme, long published, params string[] tags)
    {
        var d = new SearchDocument { Id = id, Payload = $"{{\"title\":\"{title}\"}}" };
        d.Text["title"] = title;
        d.Text["body"] = body;
        d.Keywords["unit"] = [unit];
        d.Keywords["theme"] = [theme];
        d.Keywords["tag"] = tags;
        d.Numbers["published"] = published;
        return d;
    }

    private ISearchIndex Matters()
    {
        var index = _indexes.Get("matters");
        index.Rebuild([
            Doc("m1", "新生儿出生一件事", "出生医学证明、户口登记、医保参保登记、社会保障卡申领一次办", "卫生健康委", "出生", 5, "联办", "高频"),
            Doc("m2", "企业开办一件事", "设立登记、印章刻制、发票申领、社保登记、住房公积金缴存登记", "市场监管局", "企业", 4, "联办"),
            Doc("m3", "退休一件事", "养老保险待遇核定、医保退休人员登记", "人社局", "退休", 3, "联办"),
            Doc("m4", "不动产转移登记", "二手房买卖转移登记，同步办理税费缴纳和水电气过户", "自然资源局", "不动产", 2),
            Doc("m5", "出生登记", "为新生儿办理户口出生登记", "公安局", "出生", 1, "高频"),
        ]);
        return index;
    }

    [Fact]
    public void Tokens_WhenChinese_SegmentsIntoWords()
    {
        _indexes.Get("t").Tokens("新生儿出生一件事").ShouldContain("新生儿");
    }

    [Fact]
    public void Search_WhenChineseWords_RanksTheBestMatchFirst()
    {
        var result = Matters().Search(new SearchQuery("新生儿出生", Boosts: new Dictionary<string, float> { ["title"] = 3, ["body"] = 1 }));

        result.Hits[0].Id.ShouldBe("m1");
        result.Hits.Select(h => h.Id).ShouldContain("m5");
        result.Hits.Select(h => h.Id).ShouldNotContain("m2");
        result.Hits[0].Highlights["title"].ShouldContain("<em>");
        result.Hits[0].Payload.ShouldBe("{\"title\":\"新生儿出生一件事\"}");
    }

    [Fact]
    public void Search_WhenFilteredAndFaceted_CountsOverAllMatchesAndKeepsOnlyAcceptedValues()
    {
        var index = Matters();

        var all = index.Search(new SearchQuery(null, Facets: ["theme", "tag"], Take: 2));
        all.Total.ShouldBe(5);
        all.Hits.Count.ShouldBe(2);
        all.Facets["theme"].ShouldContain(new FacetCount("出生", 2));
        all.Facets["tag"][0].ShouldBe(new FacetCount("联办", 3));

        var filtered = index.Search(new SearchQuery(null, Filters: new Dictionary<string, IReadOnlyList<string>> { ["tag"] = ["高频"], ["theme"] = ["出生", "企业"] }, Facets: ["unit"]));
        filtered.Hits.Select(h => h.Id).Order().ShouldBe(["m1", "m5"]);
        filtered.Facets["unit"].Select(f => f.Value).Order().ShouldBe(["公安局", "卫生健康委"]);
    }

    [Fact]
    public void Search_WhenSortedByNumber_OrdersAndPages()
    {
        var index = Matters();

        var page = index.Search(new SearchQuery(null, Skip: 1, Take: 2, SortBy: "published", Descending: true));

        page.Total.ShouldBe(5);
        page.Hits.Select(h => h.Id).ShouldBe(["m2", "m3"]);
        index.Search(new SearchQuery(null, Take: 1, SortBy: "published", Descending: false)).Hits[0].Id.ShouldBe("m5");
    }

    [Fact]
    public void Upsert_WhenTheIdExists_ReplacesTheDocument_AndDeleteRemovesIt()
    {
        var index = Matters();

        index.Upsert([Doc("m4", "不动产首次登记", "新建商品房首次登记", "自然资源局", "不动产", 9)]);
        index.Count.ShouldBe(5);
        index.Search(new SearchQuery("转移")).Total.ShouldBe(0);
        index.Search(new SearchQuery("首次登记")).Hits[0].Id.ShouldBe("m4");

        index.Delete(["m4"]);
        index.Count.ShouldBe(4);
        index.Search(new SearchQuery("首次登记")).Hits.Select(h => h.Id).ShouldNotContain("m4");
    }

    [Fact]
    public void Search_WhenTheDocumentHoldsMarkup_HighlightsEscapeIt()
    {
        var index = _indexes.Get("markup");
        index.Rebuild([Doc("x", "出生<script>alert(1)</script>登记", "正文", "公安局", "出生", 1)]);

        var title = index.Search(new SearchQuery("出生")).Hits.Single().Highlights["title"];

        title.ShouldContain("<em>出生</em>");
        title.ShouldNotContain("<script>");
        title.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public void Search_WhenWordsAreSeparatedBySpaces_RequiresEachWord()
    {
        var index = Matters();

        index.Search(new SearchQuery("登记 新生儿")).Hits.Select(h => h.Id).Order().ShouldBe(["m1", "m5"]);
        index.Search(new SearchQuery("登记 不存在")).Total.ShouldBe(0);
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("title:foo AND (")]
    [InlineData("*?~^")]
    [InlineData("   ")]
    public void Search_WhenTheTextHasQuerySyntax_TreatsItAsPlainWords(string text)
    {
        Should.NotThrow(() => Matters().Search(new SearchQuery(text)));
    }

    [Fact]
    public void Search_WhenTakeExceedsTheCap_ReturnsAtMostAThousand()
    {
        var index = _indexes.Get("many");
        index.Rebuild(Enumerable.Range(0, 1200).Select(i => Doc($"d{i}", $"数据目录{i}", "人口基础信息", "大数据局", "人口", i)));

        var result = index.Search(new SearchQuery("人口", Take: 5000));

        result.Total.ShouldBe(1200);
        result.Hits.Count.ShouldBe(1000);
    }

    [Fact]
    public void Open_WhenOnDisk_KeepsDocumentsAcrossReopen()
    {
        var dir = Directory.CreateTempSubdirectory("qilu-search-").FullName;
        try
        {
            using (var first = (IDisposable)SearchRegistration.Open(dir))
                ((ISearchIndexes)first).Get("catalog").Upsert([Doc("c1", "人口基础信息", "公民身份号码 姓名", "公安厅", "人口", 1)]);

            using var second = (IDisposable)SearchRegistration.Open(dir);
            ((ISearchIndexes)second).Get("catalog").Search(new SearchQuery("人口")).Hits.Single().Id.ShouldBe("c1");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Get_WhenTheNameIsNotAFolderSafeSlug_Refuses()
    {
        Should.Throw<ArgumentException>(() => _indexes.Get("../etc"));
    }
}
