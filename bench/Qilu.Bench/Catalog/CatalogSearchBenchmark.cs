using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Catalog.Search;
using Qilu.Platform.Persistence;
using Qilu.Search;

namespace Qilu.Bench.Catalog;

/// <summary>
/// Catalog search latency at scale: fills a fresh catalog database with N published entries (default 100,000;
/// realistic names, abstracts, item names, 16 cities × 11 department kinds, mixed grades/share types/themes/formats),
/// then runs a mix of searches through the search the API runs (<see cref="LuceneCatalogSearch"/>, the Chinese
/// full-text index, or with <c>--engine database</c> the <see cref="DatabaseCatalogSearch"/> it replaced), one
/// DbContext per search as per request, and prints p50/p95/p99 overall and per query kind.
/// Options: <c>--entries N</c>, <c>--queries N</c>, <c>--engine lucene|database</c>,
/// <c>--postgres "connection string"</c> (a server; a database is created and dropped).
/// </summary>
internal static class CatalogSearchBenchmark
{
    private static readonly string[] Cities = ["济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安", "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽"];
    private static readonly (string Kind, string Dept)[] Kinds =
    [
        ("public_security", "公安局"), ("market", "市场监督管理局"), ("hrss", "人力资源和社会保障局"), ("health", "卫生健康委员会"),
        ("medical_insurance", "医疗保障局"), ("civil_affairs", "民政局"), ("tax", "税务局"), ("natural_resources", "自然资源和规划局"),
        ("ecology", "生态环境局"), ("housing", "住房和城乡建设局"), ("bigdata", "大数据局"),
    ];
    private static readonly string[] Subjects =
    [
        "居民户籍", "市场主体登记", "食品经营许可证", "行政处罚", "社会保险参保", "失业登记", "出生医学证明", "医疗机构执业登记", "医保参保登记",
        "婚姻登记", "最低生活保障对象", "社会组织登记", "纳税人登记", "不动产登记", "排污许可证", "环境影响评价审批", "住房公积金缴存",
        "建筑业企业资质", "公共租赁住房保障", "政务服务事项", "电子证照", "养老服务机构", "特种设备", "道路运输许可", "危险化学品经营许可",
        "学校基本情况", "药品零售许可", "农机购置补贴", "殡葬服务", "残疾人证", "退役军人优待", "企业年报", "工程建设项目审批", "城市管理执法",
    ];
    private static readonly string[] Suffixes = ["信息", "数据", "名单", "台账", "目录", "统计", "核验", "明细"];
    private static readonly string[] ItemNames = ["公民身份号码", "姓名", "性别", "出生日期", "统一社会信用代码", "企业名称", "法定代表人", "地址", "联系电话", "证照编号", "有效期截止日期", "行政区划代码"];
    private static readonly string[] Themes = ["人口", "法人单位", "电子证照", "公共服务", "健康保障", "社会保障", "食品药品安全", "信用体系", "城乡建设", "生态环保"];

    public static async Task<int> RunAsync(string[] args)
    {
        var entries = BenchOptions.Int(args, "--entries", 100_000);
        var queries = BenchOptions.Int(args, "--queries", 600);
        var pgIndex = Array.IndexOf(args, "--postgres");
        var engineIndex = Array.IndexOf(args, "--engine");
        var useDatabase = engineIndex >= 0 && engineIndex + 1 < args.Length && args[engineIndex + 1] == "database";
        var dir = Path.Combine(Path.GetTempPath(), "qilu-catalog-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string? pgDatabase = null;
        DatabaseConnection db;
        string? pgServer = null;
        if (pgIndex >= 0)
        {
            pgServer = args[pgIndex + 1];
            pgDatabase = "qilu_bench_" + Guid.NewGuid().ToString("N");
            await BenchOptions.PostgresAdminAsync(pgServer, $"CREATE DATABASE \"{pgDatabase}\"");
            db = new DatabaseConnection(DatabaseProvider.PostgreSql, new Npgsql.NpgsqlConnectionStringBuilder(pgServer) { Database = pgDatabase }.ConnectionString);
        }
        else
        {
            db = new DatabaseConnection(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "qilu.db")}");
        }
        Console.WriteLine($"catalog search benchmark — {(useDatabase ? "database search" : "Lucene index")}, {db.Provider}, {entries:N0} published entries, {queries} searches, {Environment.ProcessorCount} cores, load {BenchOptions.LoadAverage()}");
        try
        {
            var services = new ServiceCollection();
            services.AddModuleDbContext<CatalogDbContext, CatalogSqliteDbContext, CatalogPostgresDbContext>(db, CatalogDbContext.Module);
            services.AddSingleton<CatalogIndexState>();
            services.AddQiluSearch(Path.Combine(dir, "index"));
            services.AddScoped<ICatalogSearch>(p => useDatabase
                ? new DatabaseCatalogSearch(p.GetRequiredService<CatalogDbContext>())
                : new LuceneCatalogSearch(p.GetRequiredService<CatalogDbContext>(), p.GetRequiredService<CatalogIndexState>(), p.GetRequiredService<ISearchIndexes>()));
            await using var sp = services.BuildServiceProvider();
            using (var scope = sp.CreateScope())
                await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Database.MigrateAsync();
            var fill = Stopwatch.StartNew();
            var unitNames = await FillAsync(sp, entries);
            Console.WriteLine($"filled in {fill.Elapsed.TotalSeconds:F1} s");
            var build = Stopwatch.StartNew();
            await SearchAsync(sp, new CatalogQuery(null, null, null, null, null, null));
            Console.WriteLine($"first search (builds the index when Lucene) in {build.Elapsed.TotalSeconds:F1} s");

            var mix = Mix(unitNames);
            for (var i = 0; i < 30; i++) await SearchAsync(sp, mix[i % mix.Count].Query);
            var timings = new List<(string Kind, double Ms, long Total)>();
            for (var i = 0; i < queries; i++)
            {
                var (kind, query) = mix[i % mix.Count];
                var sw = Stopwatch.StartNew();
                var result = await SearchAsync(sp, query);
                timings.Add((kind, sw.Elapsed.TotalMilliseconds, result.Hits.Total));
            }
            Print("all", timings.Select(t => t.Ms).ToList(), timings.Average(t => t.Total));
            foreach (var g in timings.GroupBy(t => t.Kind)) Print(g.Key, [.. g.Select(t => t.Ms)], g.Average(t => t.Total));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (pgServer is not null && pgDatabase is not null) await BenchOptions.PostgresAdminAsync(pgServer, $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)");
            Directory.Delete(dir, true);
        }
    }

    private static async Task<CatalogSearchResult> SearchAsync(IServiceProvider sp, CatalogQuery query)
    {
        await using var scope = sp.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICatalogSearch>().SearchAsync(query, default);
    }

    private static List<(string Kind, CatalogQuery Query)> Mix(List<(Guid Id, string Name)> units)
    {
        var rng = new Random(7);
        var list = new List<(string, CatalogQuery)>();
        for (var i = 0; i < 20; i++)
        {
            list.Add(("browse (no words)", new CatalogQuery(null, null, null, null, null, null)));
            list.Add(("one common word", new CatalogQuery(Suffixes[rng.Next(Suffixes.Length)], null, null, null, null, null)));
            list.Add(("one subject", new CatalogQuery(Subjects[rng.Next(Subjects.Length)], null, null, null, null, null)));
            list.Add(("city + subject", new CatalogQuery($"{Cities[rng.Next(Cities.Length)]} {Subjects[rng.Next(Subjects.Length)]}", null, null, null, null, null)));
            list.Add(("word + facets", new CatalogQuery("信息", null, DataGrade.L4, ShareType.Conditional, null, null)));
            list.Add(("unit facet", new CatalogQuery(null, units[rng.Next(units.Count)].Id, null, null, null, ResourceFormat.Database)));
            list.Add(("theme facet + item word", new CatalogQuery(ItemNames[rng.Next(ItemNames.Length)], null, null, null, Themes[rng.Next(Themes.Length)], null)));
            list.Add(("no match", new CatalogQuery("不存在的检索词", null, null, null, null, null)));
        }
        return list;
    }

    private static async Task<List<(Guid Id, string Name)>> FillAsync(IServiceProvider sp, int count)
    {
        var rng = new Random(42);
        var units = Cities.SelectMany((c, ci) => Kinds.Select((k, ki) => (Id: Guid.NewGuid(), Name: $"{c}市{k.Dept}", Division: $"37{ci + 1:D2}00"))).ToList();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const int batch = 5_000;
        for (var done = 0; done < count; done += batch)
        {
            await using var scope = sp.CreateAsyncScope();
            var ctx = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            ctx.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                var unit = units[rng.Next(units.Count)];
                var name = $"{unit.Name[..2]}{Subjects[rng.Next(Subjects.Length)]}{Suffixes[rng.Next(Suffixes.Length)]}";
                var grade = (DataGrade)rng.Next(1, 7);
                var share = grade <= DataGrade.L2 ? ShareType.Unconditional : grade == DataGrade.Core ? ShareType.NotShared : ShareType.Conditional;
                var items = Enumerable.Range(0, rng.Next(3, 9)).Select(_ => ItemNames[rng.Next(ItemNames.Length)]).Distinct().ToList();
                var at = start.AddMinutes(i * 3);
                var entry = new CatalogEntry
                {
                    Code = $"{unit.Division}-3-{i:D7}", ProviderUnitId = unit.Id, ProviderName = unit.Name, ProviderCode = "", ProviderDivisionCode = unit.Division,
                    PublishedNumber = 1, CreatedAt = at, UpdatedAt = at,
                };
                var version = new EntryVersion
                {
                    EntryId = entry.Id, Number = 1, Status = EntryStatus.Published, Code = entry.Code, ProviderUnitId = unit.Id, ProviderName = unit.Name,
                    ProviderDivisionCode = unit.Division, Name = name, Category = CatalogCategory.Department, Theme = rng.Next(3) == 0 ? null : Themes[rng.Next(Themes.Length)],
                    Abstract = $"{unit.Name}归集的{name}，用于政务服务和监管，按{Suffixes[rng.Next(Suffixes.Length)]}维护。", ShareType = share,
                    ShareMethods = "Api", OpenType = OpenType.NotOpen, Format = (ResourceFormat)rng.Next(1, 7), UpdateCycle = "每日", Grade = grade,
                    PublishedAt = at, CreatedAt = at,
                };
                version.SearchText = string.Join(' ', [version.Name, version.Abstract, version.Theme ?? "", version.ProviderName, .. items]);
                entry.Versions.Add(version);
                ctx.Entries.Add(entry);
                SearchDoc.Sync(ctx, entry, null);
            }
            await ctx.SaveChangesAsync();
        }
        return [.. units.Select(u => (u.Id, u.Name))];
    }

    private static void Print(string kind, List<double> ms, double averageTotal)
    {
        ms.Sort();
        double P(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
        Console.WriteLine($"  {kind,-26} n={ms.Count,4}  p50 {P(0.50),7:F1} ms  p95 {P(0.95),7:F1} ms  p99 {P(0.99),7:F1} ms  (avg matches {averageTotal:N0})");
    }
}
