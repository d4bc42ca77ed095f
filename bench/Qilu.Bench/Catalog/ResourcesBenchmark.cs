using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Resources;
using Qilu.Catalog.Resources.Import;
using Qilu.Platform.Cryptography.Fields;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Platform.Persistence;

namespace Qilu.Bench.Catalog;

/// <summary>
/// Mounted-table import and query by key: writes a CSV of N person rows (default 1,000,000; six columns, four of them
/// personal and so encrypted, key = 公民身份号码 with a blind index), imports it through the import pipeline the API
/// runs (<see cref="TableImporter"/>: CSV parse, per-row element validation incl. ID checksums, SM4-GCM sealing, blind
/// indexes, upsert, change feed) and prints validated rows/s; then looks rows up by key through
/// <see cref="IResourceRows.FindByKeyAsync"/> (one scope per lookup, as per request; decrypting the row) and prints
/// p50/p95/p99. A second import of the same file measures the incremental path (all rows unchanged).
/// Options: <c>--rows N</c>, <c>--lookups N</c>, <c>--postgres "connection string"</c>, <c>--profile</c> (stage costs only,
/// see <see cref="ResourcesProfile"/>), <c>--table enterprises</c>: instead of persons, a register of enterprises (法人库:
/// 统一社会信用代码 as the key, name, legal representative, capital, date of establishment, division, tax rating; all graded
/// L1–L2 and so stored in plain, the key as its canonical text) — what an import costs when nothing in the table is personal,
/// next to the persons table where four columns are sealed and the key and three columns are blind-indexed.
/// </summary>
internal static class ResourcesBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = BenchOptions.Int(args, "--rows", 1_000_000);
        var lookups = BenchOptions.Int(args, "--lookups", 5_000);
        var tableIndex = Array.IndexOf(args, "--table");
        var table = tableIndex >= 0 && tableIndex + 1 < args.Length ? args[tableIndex + 1] : "persons";
        if (table is not ("persons" or "enterprises")) throw new ArgumentException("--table is persons or enterprises.");
        var enterprises = table == "enterprises";
        var pgIndex = Array.IndexOf(args, "--postgres");
        var dir = Path.Combine(Path.GetTempPath(), "qilu-resources-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string? pgServer = null, pgDatabase = null;
        DatabaseConnection db;
        if (pgIndex >= 0)
        {
            pgServer = args[pgIndex + 1];
            pgDatabase = "qilu_bench_" + Guid.NewGuid().ToString("N");
            await BenchOptions.PostgresAdminAsync(pgServer, $"CREATE DATABASE \"{pgDatabase}\"");
            db = new DatabaseConnection(DatabaseProvider.PostgreSql, new Npgsql.NpgsqlConnectionStringBuilder(pgServer) { Database = pgDatabase }.ConnectionString);
        }
        else db = new DatabaseConnection(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "qilu.db")}");
        Console.WriteLine($"resources benchmark — {db.Provider}, table of {table}, {rows:N0} rows, {lookups:N0} lookups, {Environment.ProcessorCount} cores, load {BenchOptions.LoadAverage()}");
        try
        {
            var services = new ServiceCollection();
            services.AddSingleton(db);
            services.AddQiluKeyStore(db, o => o.DataDirectory = dir);
            // As the Catalog module registers them (pooled context, the per-request reads in CatalogReads).
            services.AddModuleDbContext<CatalogDbContext, CatalogSqliteDbContext, CatalogPostgresDbContext>(db, CatalogDbContext.Module, pooled: true);
            services.AddScoped<CatalogReads>();
            services.AddScoped<IResourceRows, ResourceRows>();
            await using var sp = services.BuildServiceProvider();
            await KeyStoreMigrator.MigrateAsync(sp);
            await new CatalogInitializer().InitializeAsync(sp, CancellationToken.None);

            var columns = enterprises ? EnterpriseColumns : new[]
            {
                new TableColumn("公民身份号码", "DE0001", DataGrade.L4, true, true), new TableColumn("姓名", "DE0002", DataGrade.L3, true, true),
                new TableColumn("性别", "DE0003", DataGrade.L2, false, false), new TableColumn("出生日期", "DE0004", DataGrade.L3, true, true),
                new TableColumn("联系电话", "DE0011", DataGrade.L3, true, true), new TableColumn("行政区划代码", "DE0009", DataGrade.L1, false, false),
            };
            var resource = new MountedResource
            {
                EntryId = Guid.NewGuid(), ProviderUnitId = Guid.NewGuid(), ProviderDivisionCode = "370102", Kind = ResourceKind.Table, Name = "bench",
                KeyField = enterprises ? "统一社会信用代码" : "公民身份号码", DivisionField = "行政区划代码", CreatedAt = TimeProvider.System.GetUtcNow(), CreatedBy = "bench",
            };
            resource.SetColumns(columns);
            using (var scope = sp.CreateScope())
            {
                var ctx = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
                ctx.Resources.Add(resource);
                await ctx.SaveChangesAsync();
            }
            var csv = Path.Combine(dir, table + ".csv");
            var keys = enterprises ? await WriteEnterprisesCsvAsync(csv, rows) : await WriteCsvAsync(csv, rows);
            Console.WriteLine($"CSV written: {new FileInfo(csv).Length / 1024.0 / 1024.0:F1} MB");
            if (BenchOptions.Flag(args, "--profile"))
            {
                await ResourcesProfile.RunAsync(sp, resource.Id, csv);
                return 0;
            }

            var first = await ImportAsync(sp, resource.Id, csv);
            Console.WriteLine($"import (fresh table): {first.Report.Inserted:N0} inserted, {first.Report.Rejected:N0} rejected in {first.Seconds:F1} s = " +
                $"{BenchOptions.N0(first.Report.RowsRead / first.Seconds)} validated rows/s (target ≥ 50,000: {(first.Report.RowsRead / first.Seconds >= 50_000 ? "met" : "NOT met")}); " +
                $"process CPU {BenchOptions.F(first.CpuSeconds * 1e6 / first.Report.RowsRead, 1)} µs/row = {BenchOptions.N0(first.Report.RowsRead / first.CpuSeconds)} rows per CPU-second; {first.Gc}");

            if (db.Provider == DatabaseProvider.Sqlite)
            {
                static double Mb(string f) => File.Exists(f) ? new FileInfo(f).Length / 1024.0 / 1024.0 : 0;
                var file = Path.Combine(dir, "qilu.db");
                Console.WriteLine($"SQLite after the import: database {BenchOptions.F(Mb(file), 0)} MB, WAL {BenchOptions.F(Mb(file + "-wal"), 0)} MB");
            }

            string[] lookupFields = enterprises ? ["企业名称", "法定代表人", "注册资本"] : ["姓名", "联系电话", "性别"];
            var random = new Random(7);
            async Task<double> LookupAsync(string key)
            {
                var t = Stopwatch.GetTimestamp();
                await using var scope = sp.CreateAsyncScope();
                var row = await scope.ServiceProvider.GetRequiredService<IResourceRows>().FindByKeyAsync(resource.Id, key, lookupFields, null);
                var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                if (row is null || row.Values[lookupFields[0]] is null) throw new InvalidOperationException($"Key {key} not found.");
                return ms;
            }
            for (var i = 0; i < 300; i++) await LookupAsync(keys[random.Next(keys.Count)]);
            var samples = new double[lookups];
            var all = Stopwatch.StartNew();
            for (var i = 0; i < lookups; i++) samples[i] = await LookupAsync(keys[random.Next(keys.Count)]);
            all.Stop();
            Array.Sort(samples);
            var p95 = BenchOptions.Percentile(samples, 0.95);
            Console.WriteLine($"query by key on {first.Report.Inserted:N0} rows: p50 {BenchOptions.F(BenchOptions.Percentile(samples, 0.50), 2)} ms, " +
                $"p95 {BenchOptions.F(p95, 2)} ms, p99 {BenchOptions.F(BenchOptions.Percentile(samples, 0.99), 2)} ms, {BenchOptions.N0(lookups / all.Elapsed.TotalSeconds)}/s sequential " +
                $"(target p95 ≤ 5 ms: {(p95 <= 5 ? "met" : "NOT met")})");

            var second = await ImportAsync(sp, resource.Id, csv);
            Console.WriteLine($"re-import (same file): {second.Report.Unchanged:N0} unchanged, {second.Report.Updated:N0} updated in {second.Seconds:F1} s = " +
                $"{BenchOptions.N0(second.Report.RowsRead / second.Seconds)} validated rows/s; process CPU {BenchOptions.F(second.CpuSeconds * 1e6 / second.Report.RowsRead, 1)} µs/row; {second.Gc}");
            return 0;
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { /* best effort */ }
            if (pgServer is not null && pgDatabase is not null) await BenchOptions.PostgresAdminAsync(pgServer, $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)");
        }
    }

    private static async Task<(ImportReport Report, double Seconds, double CpuSeconds, string Gc)> ImportAsync(IServiceProvider sp, Guid resourceId, string csv)
    {
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var resource = await db.Resources.AsNoTracking().FirstAsync(r => r.Id == resourceId);
        var importer = new TableImporter(db, scope.ServiceProvider.GetRequiredService<IFieldProtector>(), TimeProvider.System);
        await using var file = new FileStream(csv, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var pause = GC.GetTotalPauseDuration();
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var watch = Stopwatch.StartNew();
        var result = await importer.RunAsync(resource, Path.GetFileName(csv), "csv", false, "bench", CsvRows.ReadAsync(file, CancellationToken.None), null, CancellationToken.None);
        watch.Stop();
        if (!result.IsSuccess) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
        // Allocation and collections during the import: the GC's share of the CPU per row is otherwise invisible in the
        // process CPU (ADR 0016 addendum 3).
        var gc = $"allocated {BenchOptions.F((GC.GetTotalAllocatedBytes() - allocated) / (double)Math.Max(1, result.Value.RowsRead), 0)} B/row, " +
            $"GC gen0/1/2 {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}, " +
            $"GC pauses {BenchOptions.F((GC.GetTotalPauseDuration() - pause).TotalMilliseconds, 0)} ms ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC)";
        return (result.Value, watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, gc);
    }

    private static readonly TableColumn[] EnterpriseColumns =
    [
        new("统一社会信用代码", "DE0006", DataGrade.L1, false, false), new("企业名称", "DE0007", DataGrade.L1, false, false),
        new("法定代表人", "DE0008", DataGrade.L1, false, false), new("注册资本", "DE0015", DataGrade.L1, false, false),
        new("成立日期", "DE0016", DataGrade.L1, false, false), new("行政区划代码", "DE0009", DataGrade.L1, false, false),
        new("纳税信用等级", "DE0022", DataGrade.L2, false, false),
    ];

    private static readonly string[] Trades = ["商贸", "科技", "建筑", "食品", "物流", "餐饮", "医药", "机械"];

    /// <summary>
    /// Writes a CSV of enterprises; every 200th row carries a wrong check character (rejected). The codes are valid GB 32100
    /// codes (工商 企业, the division, an organisation code with its GB 11714 check character); returns the valid ones.
    /// </summary>
    private static async Task<List<string>> WriteEnterprisesCsvAsync(string path, int rows)
    {
        var keys = new List<string>(rows);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync("统一社会信用代码,企业名称,法定代表人,注册资本,成立日期,行政区划代码,纳税信用等级\n");
        var start = new DateOnly(1995, 1, 1);
        var sb = new StringBuilder(160);
        var code = new char[18];
        for (var i = 0; i < rows; i++)
        {
            var division = Divisions[i % Divisions.Length];
            "91".CopyTo(0, code, 0, 2);
            division.CopyTo(0, code, 2, 6);
            // A scrambled organisation number, so that codes do not arrive in key order (real files do not).
            var organisation = (int)((uint)(i * 2654435761u) % 100_000_000u);
            organisation.TryFormat(code.AsSpan(8, 8), out _, "D8", CultureInfo.InvariantCulture);
            code[16] = Qilu.SharedKernel.Identifiers.CreditCode.ComputeOrganizationCheckCharacter(code.AsSpan(8, 8));
            var check = Qilu.SharedKernel.Identifiers.CreditCode.ComputeCheckCharacter(code.AsSpan(0, 17));
            var bad = i % 200 == 199;
            code[17] = bad ? (check == '0' ? '1' : '0') : check;
            var id = new string(code);
            if (!bad) keys.Add(id);
            sb.Clear().Append("济南").Append(Surnames[i % 16]).Append(Given[i / 16 % 16]).Append(Trades[i / 256 % Trades.Length]).Append("有限公司").Append(i)
              .Append(',').Append(Surnames[i / 7 % 16]).Append(Given[i / 3 % 16]).Append(',').Append(10 + i % 4990).Append(',')
              .Append(start.AddDays(i % 11_000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(division).Append(',')
              .Append("ABMCD"[i % 5]).Append('\n');
            await writer.WriteAsync(id);
            await writer.WriteAsync(',');
            await writer.WriteAsync(sb);
        }
        return keys;
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"];
    private static readonly string[] Divisions = ["370102", "370103", "370104", "370105", "370112", "370202", "370203", "370211", "370212", "370213"];

    /// <summary>Writes the CSV; every 200th row carries a wrong check character (rejected). Returns the valid keys.</summary>
    private static async Task<List<string>> WriteCsvAsync(string path, int rows)
    {
        var keys = new List<string>(rows);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync("公民身份号码,姓名,性别,出生日期,联系电话,行政区划代码\n");
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var start = new DateOnly(1950, 1, 1);
        var sb = new StringBuilder(128);
        for (var i = 0; i < rows; i++)
        {
            var division = Divisions[i % Divisions.Length];
            var birth = start.AddDays(i / 999 % 20_000);
            var body = division + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (i % 999 + 1).ToString("000", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var d = 0; d < 17; d++) sum += (body[d] - '0') * weights[d];
            var check = "10X98765432"[sum % 11];
            var bad = i % 200 == 199;
            var id = body + (bad ? (check == '0' ? '1' : '0') : check);
            if (!bad) keys.Add(id);
            sb.Clear().Append(id).Append(',').Append(Surnames[i % 16]).Append(Given[i / 16 % 16]).Append(',').Append(i % 2 + 1).Append(',')
              .Append(birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
              .Append(i % 4 == 0 ? "" : "13" + (800_000_000 + i).ToString(CultureInfo.InvariantCulture)).Append(',').Append(division).Append('\n');
            await writer.WriteAsync(sb);
        }
        return keys;
    }
}
