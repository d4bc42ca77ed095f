using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Resources.Import;
using Qilu.Platform.Events;
using Shouldly;
using static Qilu.Catalog.Tests.Entries.CatalogApi;
using static Qilu.Catalog.Tests.Resources.ResourceApi;

namespace Qilu.Catalog.Tests.Resources;

/// <summary>
/// Table imports through HTTP and reads through <see cref="IResourceRows"/>: rejection reporting (row, field, reason, CSV
/// report), incremental re-import with deletes, the change feed and its event, encryption at rest, blind-index lookups,
/// division row scope, XLSX and JSON. 历下区民政局 (lx.official) provides; 济南市大数据局 (jn.official) reviews.
/// </summary>
public abstract class ImportTestsBase(CatalogFixture fixture)
{
    private CatalogHost Host => fixture.Host;

    private static readonly string A = IdNumber("370102", "19800101", 11);
    private static readonly string B = IdNumber("370102", "19900215", 22);
    private static readonly string C = IdNumber("370202", "19751130", 33);

    [Fact]
    public async Task Import_WhenSomeRowsAreInvalid_KeepsTheRestAndReportsRowFieldAndReason()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区低保对象名册");
        var lixia = await Host.ApiAsync("lx.official");
        var badId = A[..17] + (A[17] == '0' ? '1' : '0');
        var csv = "公民身份号码,姓名,性别,联系电话,行政区划代码,备注\r\n" +
                  $"{A},张三,1,13800138000,370102,x\r\n" +
                  $"{badId},李四,2,13800138001,370102,x\r\n" +
                  $"{B},\"王,五\",7,12345,370102,x\r\n" +
                  $"{A},张三重复,1,,370102,x\r\n" +
                  $"{C},赵六,2,,370202,x\r\n";
        var report = await ImportAsync(lixia, resource, csv);
        Count(report, "rowsRead").ShouldBe(5);
        Count(report, "inserted").ShouldBe(2);
        Count(report, "rejected").ShouldBe(3);
        Count(report, "duplicateKeys").ShouldBe(1);
        var rejections = report.GetProperty("rejections").EnumerateArray()
            .Select(r => (Row: r.GetProperty("row").GetInt64(), Field: r.GetProperty("field").GetString(), Code: r.GetProperty("code").GetString(), Reason: r.GetProperty("reason").GetString()!)).ToList();
        rejections.ShouldContain(r => r.Row == 2 && r.Field == "公民身份号码" && r.Reason.Contains("校验", StringComparison.Ordinal), string.Join("\n", rejections));
        rejections.ShouldContain(r => r.Row == 3 && r.Field == "性别" && r.Code == "element.code_list");
        rejections.ShouldContain(r => r.Row == 3 && r.Field == "联系电话");
        rejections.ShouldContain(r => r.Row == 4 && r.Field == "公民身份号码" && r.Code == "key.duplicate" && r.Reason.Contains("第1行", StringComparison.Ordinal));

        var download = await lixia.GetAsync($"/api/catalog/imports/{report.GetProperty("id").GetString()}/rejections.csv");
        await ShouldBeAsync(download, HttpStatusCode.OK);
        var text = Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync());
        text.ShouldStartWith("\uFEFF行号,字段,规则,原因");
        text.ShouldContain("\r\n3,性别,element.code_list,");
        text.ShouldContain("\r\n4,公民身份号码,key.duplicate,");
        text.ShouldNotContain(badId);
    }

    [Fact]
    public async Task Import_WhenColumnsAreReorderedOrARowIsShort_PutsEachValueInItsColumn()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区列顺序测试");
        var lixia = await Host.ApiAsync("lx.official");
        var id = Guid.Parse(resource);
        // In table order the importer keeps the parsed row as it is (no second array); any other order or width is mapped.
        var inOrder = await ImportAsync(lixia, resource, $"公民身份号码,姓名,性别,联系电话,行政区划代码\n{A},张三,1,13800138000,370102\n{B},李四,2\n");
        Count(inOrder, "inserted").ShouldBe(2);
        using (var scope = Host.Services.CreateScope())
        {
            var rows = scope.ServiceProvider.GetRequiredService<IResourceRows>();
            var a = (await rows.FindByKeyAsync(id, A, ["姓名", "性别", "联系电话", "行政区划代码"], null))!.Values;
            (a["姓名"], a["性别"], a["联系电话"], a["行政区划代码"]).ShouldBe(("张三", "1", "13800138000", "370102"));
            var b = (await rows.FindByKeyAsync(id, B, ["姓名", "性别", "联系电话", "行政区划代码"], null))!.Values;
            (b["姓名"], b["性别"], b.GetValueOrDefault("联系电话"), b.GetValueOrDefault("行政区划代码")).ShouldBe(("李四", "2", null, null));
        }

        var reordered = await ImportAsync(lixia, resource, $"行政区划代码,联系电话,性别,姓名,公民身份号码\n370102,13900000001,2,张三丰,{A}\n");

        Count(reordered, "updated").ShouldBe(1);
        using (var scope = Host.Services.CreateScope())
        {
            var rows = scope.ServiceProvider.GetRequiredService<IResourceRows>();
            var a = (await rows.FindByKeyAsync(id, A, ["姓名", "性别", "联系电话", "行政区划代码"], null))!.Values;
            (a["姓名"], a["性别"], a["联系电话"], a["行政区划代码"]).ShouldBe(("张三丰", "2", "13900000001", "370102"));
            (await rows.QueryAsync(id, new RowQuery(["公民身份号码"], [new RowFilter("联系电话", "13900000001")], null, 10, 0, true))).Rows.Single().Key.ShouldBe(A);
        }
    }

    [Fact]
    public async Task Import_WhenHeaderLacksTheKeyColumn_Answers400AndWritesNothing()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区缺主键测试");
        var lixia = await Host.ApiAsync("lx.official");
        var problem = await ImportAsync(lixia, resource, "姓名,性别\r\n张三,1\r\n", expected: HttpStatusCode.BadRequest);
        ShouldHaveError(problem, "公民身份号码", "import.key_column_missing");
        using var scope = Host.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<IResourceRows>().FindResourceAsync(Guid.Parse(resource)))!.RowCount.ShouldBe(0);
    }

    [Fact]
    public async Task Reimport_CountsInsertUpdateUnchangedDelete_AndAppendsToTheChangeFeed()
    {
        var (entry, resource) = await PublishedTableAsync(Host, "历下区增量导入测试");
        var lixia = await Host.ApiAsync("lx.official");
        var first = await ImportAsync(lixia, resource, $"公民身份号码,姓名,性别,联系电话,行政区划代码\n{A},张三,1,13800138000,370102\n{B},李四,2,,370102\n");
        Count(first, "inserted").ShouldBe(2);
        var after = first.GetProperty("toSequence").GetInt64();

        var second = await ImportAsync(lixia, resource, $"公民身份号码,姓名,性别,联系电话,行政区划代码\n{A},张三,1,13800138000,370102\n{C},赵六,2,,370202\n", deleteMissing: true);
        Count(second, "unchanged").ShouldBe(1);
        Count(second, "inserted").ShouldBe(1);
        Count(second, "deleted").ShouldBe(1);
        var third = await ImportAsync(lixia, resource, $"公民身份号码,姓名,性别,联系电话,行政区划代码\n{A},张三丰,1,13800138000,370102\n");
        Count(third, "updated").ShouldBe(1);
        Count(third, "unchanged").ShouldBe(0);

        using var scope = Host.Services.CreateScope();
        var rows = scope.ServiceProvider.GetRequiredService<IResourceRows>();
        var info = (await rows.FindResourceAsync(Guid.Parse(resource)))!;
        info.RowCount.ShouldBe(2);
        info.ChangeSequence.ShouldBe(third.GetProperty("toSequence").GetInt64());
        var changes = await rows.ChangesSinceAsync(Guid.Parse(resource), after, 100, ["姓名"], null);
        changes.Select(c => c.Sequence).ShouldBe([after + 1, after + 2, after + 3]);
        changes[0].Key.ShouldBe(C);
        changes[0].Row!.Values["姓名"].ShouldBe("赵六");
        changes[1].Key.ShouldBe(B);
        changes[1].Deleted.ShouldBeTrue();
        changes[1].Row.ShouldBeNull();
        changes[2].Key.ShouldBe(A);
        changes[2].Row!.Values["姓名"].ShouldBe("张三丰");
        // Row scope applies to the feed too (the tombstone of a 历下 row is not shown to 市南).
        (await rows.ChangesSinceAsync(Guid.Parse(resource), after, 100, ["姓名"], "370202")).Select(c => c.Key).ShouldBe([C]);

        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var events = (await db.ReadOutboxAsync(typeof(ResourceRowsChanged))).Select(o => JsonDocument.Parse(o.Payload).RootElement)
            .Where(p => p.GetProperty("resourceId").GetString() == resource).ToList();
        events.Count.ShouldBe(3);
        events.ShouldAllBe(e => e.GetProperty("entryId").GetString() == entry);
        events.Select(e => e.GetProperty("toSequence").GetInt64()).Max().ShouldBe(info.ChangeSequence);
    }

    [Fact]
    public async Task Reimport_ComparesDigestsTheSameWay_WhetherReadInOnePassOrLookedUpPerBatch()
    {
        // Tables up to TableImporter.DigestPreloadLimit rows read their stored digests in one pass; larger ones look them
        // up per batch. Both must count the same rows as unchanged, updated and inserted.
        var (_, resource) = await PublishedTableAsync(Host, "历下区摘要比较测试");
        var lixia = await Host.ApiAsync("lx.official");
        await ImportAsync(lixia, resource, $"公民身份号码,姓名,性别,联系电话,行政区划代码\n{A},张三,1,13800138000,370102\n{B},李四,2,,370102\n");
        var next = $"公民身份号码,姓名,性别,联系电话,行政区划代码\n{A},张三,1,13800138000,370102\n{B},李四,2,13900139000,370102\n{C},赵六,2,,370202\n";

        foreach (var limit in new[] { 0L, TableImporter.DigestPreloadLimit })
        {
            await using var scope = Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            var stored = await db.Resources.AsNoTracking().FirstAsync(r => r.Id == Guid.Parse(resource));
            var importer = new TableImporter(db, scope.ServiceProvider.GetRequiredService<Qilu.Platform.Cryptography.Fields.IFieldProtector>(),
                TimeProvider.System, limit);
            await using var file = new MemoryStream(Encoding.UTF8.GetBytes(next));
            var report = (await importer.RunAsync(stored, "next.csv", "csv", false, "test", CsvRows.ReadAsync(file, CancellationToken.None), null,
                CancellationToken.None)).Value;
            if (limit == 0)
            {
                // Looked up per batch: A unchanged, B's phone changed, C new.
                (report.Unchanged, report.Updated, report.Inserted).ShouldBe((1L, 1L, 1L));
            }
            else
            {
                // The same file again, read in one pass: nothing changed.
                (report.Unchanged, report.Updated, report.Inserted).ShouldBe((3L, 0L, 0L));
            }
        }
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<IResourceRows>().FindByKeyAsync(Guid.Parse(resource), B, ["联系电话"], null);
            row!.Values["联系电话"].ShouldBe("13900139000");
        }
        var changed = await ImportAsync(lixia, resource, next.Replace("赵六", "赵七", StringComparison.Ordinal));
        (Count(changed, "unchanged"), Count(changed, "updated")).ShouldBe((2L, 1L));
    }

    [Fact]
    public async Task Reimport_WhenRowsAreUpdatedOrDeleted_RemovesExactlyTheirOldFilterTokens()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区过滤索引测试");
        var lixia = await Host.ApiAsync("lx.official");
        await ImportAsync(lixia, resource, $"公民身份号码,姓名,性别,联系电话,行政区划代码\n{A},张三,1,13800138000,370102\n{B},李四,2,,370102\n");
        // A changes name and phone, B is missing (deleted), C is new.
        var second = await ImportAsync(lixia, resource, $"公民身份号码,姓名,性别,联系电话,行政区划代码\n{A},张三丰,1,13900000001,370102\n{C},赵六,2,,370202\n",
            deleteMissing: true);
        Count(second, "updated").ShouldBe(1);
        Count(second, "deleted").ShouldBe(1);

        using var scope = Host.Services.CreateScope();
        var rows = scope.ServiceProvider.GetRequiredService<IResourceRows>();
        var id = Guid.Parse(resource);
        async Task<IReadOnlyList<string>> KeysWhere(string field, string value) =>
            [.. (await rows.QueryAsync(id, new RowQuery(["姓名"], [new RowFilter(field, value)], null, 10, 0, true))).Rows.Select(r => r.Key)];
        (await KeysWhere("姓名", "张三")).ShouldBeEmpty();
        (await KeysWhere("联系电话", "13800138000")).ShouldBeEmpty();
        (await KeysWhere("姓名", "李四")).ShouldBeEmpty();
        (await KeysWhere("姓名", "张三丰")).ShouldBe([A]);
        (await KeysWhere("联系电话", "13900000001")).ShouldBe([A]);
        (await KeysWhere("姓名", "赵六")).ShouldBe([C]);

        // The filter index holds exactly the live rows' tokens (A: name and phone; C: name), as 128-bit tokens.
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var table = db.Model.FindEntityType(typeof(Qilu.Catalog.Resources.StoredRowFilter))!;
        var name = table.GetSchema() is { } s ? $"\"{s}\".\"{table.GetTableName()}\"" : $"\"{table.GetTableName()}\"";
        var tokens = new List<string>();
        await db.Database.OpenConnectionAsync();
        await using (var c = db.Database.GetDbConnection().CreateCommand())
        {
            c.CommandText = $"SELECT \"Token\" FROM {name} WHERE \"ResourceId\" = @r";
            var p = c.CreateParameter();
            p.ParameterName = "@r";
            p.Value = db.Database.IsSqlite() ? id.ToString().ToUpperInvariant() : id;
            c.Parameters.Add(p);
            await using var r = await c.ExecuteReaderAsync();
            while (await r.ReadAsync()) tokens.Add(r.GetString(0));
        }
        tokens.Count.ShouldBe(3);
        tokens.ShouldAllBe(t => t.Length == 32);
    }

    [Fact]
    public async Task Import_StoresPersonalFieldsEncrypted_AndFindsThemThroughTheBlindIndex()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区加密存储测试");
        var lixia = await Host.ApiAsync("lx.official");
        await ImportAsync(lixia, resource, $"公民身份号码,姓名,性别,联系电话,行政区划代码\n{A},欧阳娜娜,2,13912345678,370102\n{B},李四,1,,370102\n");

        using var scope = Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var table = db.Model.FindEntityType(typeof(Qilu.Catalog.Resources.StoredRow))!;
        var name = table.GetSchema() is { } s ? $"\"{s}\".\"{table.GetTableName()}\"" : $"\"{table.GetTableName()}\"";
        var raw = new List<string>();
        await db.Database.OpenConnectionAsync();
        await using (var c = db.Database.GetDbConnection().CreateCommand())
        {
            c.CommandText = $"SELECT \"KeyToken\", \"Payload\", \"Secret\" FROM {name}";
            await using var r = await c.ExecuteReaderAsync();
            while (await r.ReadAsync()) raw.Add($"{r.GetString(0)}|{r.GetString(1)}|{(r.IsDBNull(2) ? "" : r.GetString(2))}");
        }
        raw.ShouldNotBeEmpty();
        var body = A[..17];
        raw.ShouldAllBe(x => !x.Contains(A, StringComparison.Ordinal) && !x.Contains(body, StringComparison.Ordinal));
        raw.ShouldAllBe(x => !x.Contains("13912345678", StringComparison.Ordinal) && !x.Contains("欧阳娜娜", StringComparison.Ordinal));
        raw.ShouldContain(x => x.Contains("\"性别\":\"2\"", StringComparison.Ordinal));

        var rows = scope.ServiceProvider.GetRequiredService<IResourceRows>();
        var id = Guid.Parse(resource);
        var found = await rows.FindByKeyAsync(id, A.ToLowerInvariant(), ["姓名", "联系电话", "性别"], null);
        found.ShouldNotBeNull();
        found.Key.ShouldBe(A);
        found.Values["姓名"].ShouldBe("欧阳娜娜");
        found.Values["联系电话"].ShouldBe("13912345678");
        found.Values.Keys.ShouldBe(["姓名", "联系电话", "性别"], ignoreOrder: true);
        (await rows.FindByKeyAsync(id, IdNumber("370102", "19700101", 99), ["姓名"], null)).ShouldBeNull();
        (await rows.FindByKeyAsync(id, "not-an-id", ["姓名"], null)).ShouldBeNull();

        var byPhone = await rows.QueryAsync(id, new RowQuery(["公民身份号码"], [new RowFilter("联系电话", "13912345678")], null, 10, 0, true));
        byPhone.Total.ShouldBe(1);
        byPhone.Rows.Single().Values["公民身份号码"].ShouldBe(A);
        var byName = await rows.QueryAsync(id, new RowQuery(["姓名"], [new RowFilter("姓名", "李四")], null, 10, 0, true));
        byName.Rows.Single().Key.ShouldBe(B);
        var byGender = await rows.QueryAsync(id, new RowQuery(["姓名"], [new RowFilter("性别", "1")], null, 10, 0, true));
        byGender.Rows.Single().Key.ShouldBe(B);
        Should.Throw<ArgumentException>(() => rows.QueryAsync(id, new RowQuery(["不存在"], [], null, 10, 0, false)));
    }

    [Fact]
    public async Task Query_WithDivisionPrefix_ReturnsOnlyRowsOfThatSubtree()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区区划范围测试");
        var lixia = await Host.ApiAsync("lx.official");
        await ImportAsync(lixia, resource, $"公民身份号码,姓名,性别,联系电话,行政区划代码\n{A},张三,1,,370102\n{B},李四,2,,370102001\n{C},赵六,2,,370202\n");
        using var scope = Host.Services.CreateScope();
        var rows = scope.ServiceProvider.GetRequiredService<IResourceRows>();
        var id = Guid.Parse(resource);
        var lx = await rows.QueryAsync(id, new RowQuery(["姓名"], [], "370102", 100, 0, true));
        lx.Total.ShouldBe(2);
        lx.Rows.Select(r => r.Key).ShouldBe([A, B], ignoreOrder: true);
        var jn = await rows.QueryAsync(id, new RowQuery(["姓名"], [], "3701", 100, 0, true));
        jn.Total.ShouldBe(2);
        var all = await rows.QueryAsync(id, new RowQuery(["姓名"], [], null, 1, 1, true, "姓名"));
        all.Total.ShouldBe(3);
        all.Rows.Count.ShouldBe(1);
        (await rows.FindByKeyAsync(id, C, ["姓名"], "3701")).ShouldBeNull();
        (await rows.FindByKeyAsync(id, C, ["姓名"], "3702"))!.DivisionCode.ShouldBe("370202");

        var (_, undivided) = await PublishedTableAsync(Host, "历下区无区划字段测试", divisionField: null);
        await ImportAsync(lixia, undivided, $"公民身份号码,姓名\n{A},张三\n");
        (await rows.QueryAsync(Guid.Parse(undivided), new RowQuery(["姓名"], [], "370102", 10, 0, true))).Rows.ShouldBeEmpty();
        (await rows.FindByKeyAsync(Guid.Parse(undivided), A, ["姓名"], "370102")).ShouldBeNull();
        (await rows.FindByKeyAsync(Guid.Parse(undivided), A, ["姓名"], null)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Import_OfXlsxAndJson_ValidatesLikeCsv()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区多格式导入测试");
        var lixia = await Host.ApiAsync("lx.official");
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["公民身份号码"] = A, ["姓名"] = "张三", ["性别"] = "1", ["行政区划代码"] = "370102" },
            new Dictionary<string, object> { ["公民身份号码"] = "370102198001011234", ["姓名"] = "李四", ["性别"] = "1", ["行政区划代码"] = "370102" },
        });
        var fromXlsx = await ImportBytesAsync(lixia, resource, xlsx.ToArray(), "xlsx");
        Count(fromXlsx, "inserted").ShouldBe(1);
        Count(fromXlsx, "rejected").ShouldBe(1);
        fromXlsx.GetProperty("rejections")[0].GetProperty("row").GetInt64().ShouldBe(2);

        var json = JsonSerializer.Serialize(new object[]
        {
            new Dictionary<string, object?> { ["DE0001"] = B, ["姓名"] = "王五", ["性别"] = 2, ["行政区划代码"] = "370102" },
            new Dictionary<string, object?> { ["公民身份号码"] = C, ["姓名"] = null, ["行政区划代码"] = "999999" },
        });
        var fromJson = await ImportAsync(lixia, resource, json, "json");
        Count(fromJson, "inserted").ShouldBe(1);
        Count(fromJson, "rejected").ShouldBe(1);
        fromJson.GetProperty("rejections")[0].GetProperty("field").GetString().ShouldBe("行政区划代码");

        var broken = await ImportAsync(lixia, resource, "[{\"公民身份号码\": ", "json", expected: HttpStatusCode.BadRequest);
        Errors(broken).ShouldContain(e => e.Code == "import.unreadable" && e.Message.Contains("未写入任何数据", StringComparison.Ordinal));
    }
}

[Collection("catalog-sqlite")]
public sealed class ImportTests(CatalogHostFixture fixture) : ImportTestsBase(fixture), IClassFixture<CatalogHostFixture>;

[Collection("catalog-postgres")]
public sealed class PostgresImportTests(CatalogPostgresFixture fixture) : ImportTestsBase(fixture), IClassFixture<CatalogPostgresFixture>;
