using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Resources.Import;
using Qilu.Platform.Events;
using Shouldly;
using static Qilu.Catalog.Tests.Resources.ResourceApi;

namespace Qilu.Catalog.Tests.Resources;

/// <summary>
/// Imports larger than one batch (<see cref="TableImporter.BatchSize"/> rows) and than one multi-row statement
/// (64 rows), through HTTP: the pipeline's batch boundaries must not change what a one-row-at-a-time import did —
/// duplicate keys across a boundary, rejected rows inside a batch, filter tokens replaced on update, and an unchanged
/// re-import that writes nothing.
/// </summary>
public abstract class BatchedImportTestsBase(CatalogFixture fixture)
{
    private const string Header = "公民身份号码,姓名,性别,联系电话,行政区划代码\n";
    private CatalogHost Host => fixture.Host;

    /// <summary>Distinct valid ID numbers (birth date advances every 999 sequence numbers).</summary>
    private static string Key(int i) =>
        IdNumber("370102", new DateOnly(1980, 1, 1).AddDays(i / 999).ToString("yyyyMMdd", CultureInfo.InvariantCulture), i % 999 + 1);

    private static string Phone(int i, int version = 0) => "13" + (800_000_000 + i + version * 1_000_000).ToString(CultureInfo.InvariantCulture);

    private static string Csv(int rows, Func<int, string>? name = null, int phoneVersion = 0)
    {
        var sb = new StringBuilder(Header);
        for (var i = 0; i < rows; i++)
            sb.Append(Key(i)).Append(',').Append(name?.Invoke(i) ?? $"人{i}").Append(',').Append(i % 2 + 1).Append(',')
              .Append(Phone(i, phoneVersion)).Append(",370102\n");
        return sb.ToString();
    }

    [Fact]
    public async Task Import_WhenDuplicateKeyStraddlesABatchBoundary_KeepsTheFirstRowAndRejectsTheRepeatWithItsRowNumber()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区批次边界重复主键测试");
        var lixia = await Host.ApiAsync("lx.official");
        var size = TableImporter.BatchSize;
        // Data rows are numbered from 1: row `size` is the last of the first batch, row size+3 repeats its key in the
        // second batch, and row size+5 (second batch, between two 64-row statements) has a wrong check character.
        var sb = new StringBuilder(Header);
        var badKey = Key(size + 4)[..17] + (Key(size + 4)[17] == '0' ? '1' : '0');
        for (var row = 1; row <= size + 70; row++)
        {
            var key = row == size + 3 ? Key(size - 1) : row == size + 5 ? badKey : Key(row - 1);
            sb.Append(key).Append(',').Append(row == size + 3 ? "重复者" : $"人{row}").Append(",1,").Append(Phone(row)).Append(",370102\n");
        }
        var report = await ImportAsync(lixia, resource, sb.ToString());

        Count(report, "rowsRead").ShouldBe(size + 70);
        Count(report, "inserted").ShouldBe(size + 68);
        Count(report, "rejected").ShouldBe(2);
        Count(report, "duplicateKeys").ShouldBe(1);
        var rejections = report.GetProperty("rejections").EnumerateArray()
            .Select(r => (Row: r.GetProperty("row").GetInt64(), Field: r.GetProperty("field").GetString(), Code: r.GetProperty("code").GetString(), Reason: r.GetProperty("reason").GetString()!))
            .ToList();
        rejections.Count.ShouldBe(2);
        rejections.ShouldContain(r => r.Row == size + 3 && r.Code == "key.duplicate" && r.Reason.Contains($"第{size}行", StringComparison.Ordinal));
        rejections.ShouldContain(r => r.Row == size + 5 && r.Field == "公民身份号码" && r.Code != "key.duplicate");

        using var scope = Host.Services.CreateScope();
        var rows = scope.ServiceProvider.GetRequiredService<IResourceRows>();
        var id = Guid.Parse(resource);
        (await rows.FindByKeyAsync(id, Key(size - 1), ["姓名"], null))!.Values["姓名"].ShouldBe($"人{size}");
        (await rows.FindByKeyAsync(id, Key(size + 69), ["姓名"], null))!.Values["姓名"].ShouldBe($"人{size + 70}");
        (await rows.FindResourceAsync(id))!.RowCount.ShouldBe(size + 68);
        var feed = await rows.ChangesSinceAsync(id, 0, 10_000, ["姓名"], null);
        feed.Count.ShouldBe(size + 68);
        feed.Select(c => c.Sequence).ShouldBe(Enumerable.Range(1, size + 68).Select(i => (long)i));
    }

    [Fact]
    public async Task Reimport_WhenFileIsUnchanged_WritesNothingAndRaisesNoEvent()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区批量重复导入测试");
        var lixia = await Host.ApiAsync("lx.official");
        var csv = Csv(TableImporter.BatchSize + 100);
        var first = await ImportAsync(lixia, resource, csv);
        Count(first, "inserted").ShouldBe(TableImporter.BatchSize + 100);

        var second = await ImportAsync(lixia, resource, csv);

        Count(second, "unchanged").ShouldBe(TableImporter.BatchSize + 100);
        Count(second, "inserted").ShouldBe(0);
        Count(second, "updated").ShouldBe(0);
        (second.TryGetProperty("toSequence", out var to) ? to.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
        using var scope = Host.Services.CreateScope();
        var rows = scope.ServiceProvider.GetRequiredService<IResourceRows>();
        var id = Guid.Parse(resource);
        (await rows.FindResourceAsync(id))!.ChangeSequence.ShouldBe(first.GetProperty("toSequence").GetInt64());
        (await rows.ChangesSinceAsync(id, first.GetProperty("toSequence").GetInt64(), 10, ["姓名"], null)).ShouldBeEmpty();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        (await db.ReadOutboxAsync(typeof(ResourceRowsChanged))).Select(o => JsonDocument.Parse(o.Payload).RootElement)
            .Count(p => p.GetProperty("resourceId").GetString() == resource).ShouldBe(1);
    }

    [Fact]
    public async Task Reimport_WhenRowsInSeveralBatchesChange_ReplacesTheirFilterTokensAndAppendsOneChangeEach()
    {
        var (_, resource) = await PublishedTableAsync(Host, "历下区批量更新测试");
        var lixia = await Host.ApiAsync("lx.official");
        var n = TableImporter.BatchSize + 10;
        var first = await ImportAsync(lixia, resource, Csv(n));
        var after = first.GetProperty("toSequence").GetInt64();
        // Every 1,000th row gets a new phone number (an indexed personal column): rows in both batches change.
        var changed = Enumerable.Range(0, n).Where(i => i % 1000 == 7).ToHashSet();
        var sb = new StringBuilder(Header);
        for (var i = 0; i < n; i++)
            sb.Append(Key(i)).Append(',').Append($"人{i}").Append(',').Append(i % 2 + 1).Append(',')
              .Append(Phone(i, changed.Contains(i) ? 1 : 0)).Append(",370102\n");

        var second = await ImportAsync(lixia, resource, sb.ToString());

        Count(second, "updated").ShouldBe(changed.Count);
        Count(second, "unchanged").ShouldBe(n - changed.Count);
        using var scope = Host.Services.CreateScope();
        var rows = scope.ServiceProvider.GetRequiredService<IResourceRows>();
        var id = Guid.Parse(resource);
        var feed = await rows.ChangesSinceAsync(id, after, 100, ["联系电话"], null);
        feed.Select(c => c.Key).ShouldBe(changed.Order().Select(Key));
        foreach (var i in changed)
        {
            (await rows.QueryAsync(id, new RowQuery(["公民身份号码"], [new RowFilter("联系电话", Phone(i))], null, 10, 0, true))).Total.ShouldBe(0);
            var now = await rows.QueryAsync(id, new RowQuery(["公民身份号码"], [new RowFilter("联系电话", Phone(i, 1))], null, 10, 0, true));
            now.Rows.Single().Key.ShouldBe(Key(i));
        }
        (await rows.QueryAsync(id, new RowQuery(["公民身份号码"], [new RowFilter("联系电话", Phone(8))], null, 10, 0, true))).Rows.Single().Key.ShouldBe(Key(8));
    }
}

[Collection("catalog-sqlite")]
public sealed class BatchedImportTests(CatalogHostFixture fixture) : BatchedImportTestsBase(fixture), IClassFixture<CatalogHostFixture>;

[Collection("catalog-postgres")]
public sealed class PostgresBatchedImportTests(CatalogPostgresFixture fixture) : BatchedImportTestsBase(fixture), IClassFixture<CatalogPostgresFixture>;
