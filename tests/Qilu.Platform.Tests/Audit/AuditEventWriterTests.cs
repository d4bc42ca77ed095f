using System.Text.Json;
using Shouldly;
using Qilu.Platform.Audit;
using Qilu.SharedKernel.Actors;

namespace Qilu.Platform.Tests.Audit;

/// <summary>
/// <see cref="AuditEventWriter"/> serialises a module's details object straight to the canonical text; what it stores
/// must be exactly what the element route (serialise to a JsonElement, write that through the canonical writer) made,
/// for every kind of value a module puts in its details.
/// </summary>
public sealed class AuditEventWriterTests
{
    private static readonly Actor Official = Actor.Anonymous with { Kind = ActorKind.Official, SubjectId = "u1", DisplayName = "张三" };

    private sealed record Nested(string Name, int[] Counts, Dictionary<string, string?> Map);

    private enum Shade { Light, Dark }

    [Fact]
    public async Task Write_StoresTheCanonicalTextTheElementRouteMade()
    {
        await using var db = AuditDatabase.Sqlite();
        await using var host = await db.StartAsync();
        var writer = new AuditEventWriter(host.Log);
        object[] details =
        [
            new { call = Guid.Parse("0192f0c4-8a37-7c3e-9a55-1f2e3d4c5b6a"), fields = new[] { "姓名", "公民身份号码" }, rows = 1, status = 200 },
            new
            {
                text = "引号\"反斜杠\\换行\n制表\t控制\u0001 <b>&amp;'</b> 😀 \u2028",
                tiny = 0.1, big = long.MaxValue, money = 12345.678m, negative = -0.0, missing = (string?)null, yes = true,
                at = new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.FromHours(8)), shade = Shade.Dark,
                nested = new Nested("层", [1, 2, 3], new() { ["a"] = null, ["键"] = "值" }),
            },
            new Dictionary<string, object?> { ["z"] = 1, ["a"] = "先写的在前" },
        ];
        var first = await host.Log.GetTreeSizeAsync();
        foreach (var d in details) await writer.WriteAsync(new AuditEvent("test.details.canonical", "thing", "t1", "success", Official, d));

        var stored = await host.Log.ReadTailAsync(first, first + details.Length, "test.", 10);
        stored.Count.ShouldBe(details.Length);
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        for (var i = 0; i < details.Length; i++)
            stored[i].Details.ShouldBe(AuditLeafCodec.CanonicalDetails(JsonSerializer.SerializeToElement(details[i], web)), $"details {i}");
        stored[1].Details!.ShouldContain("<b>&amp;'</b> \\uD83D\\uDE00"); // HTML characters as they are; a surrogate pair escaped, by both routes
    }

    [Fact]
    public async Task Write_WhenDetailsAreNotAnObject_IsRefused()
    {
        await using var db = AuditDatabase.Sqlite();
        await using var host = await db.StartAsync();
        var writer = new AuditEventWriter(host.Log);
        var refused = await Should.ThrowAsync<ArgumentException>(() => writer.WriteAsync(new AuditEvent("test.details.list", "thing", "t1", "success", Official, new[] { 1, 2 })));
        refused.Message.ShouldContain("must be a JSON object");
        var tooLarge = await Should.ThrowAsync<ArgumentException>(() => writer.WriteAsync(new AuditEvent("test.details.large", "thing", "t1", "success", Official, new { text = new string('办', 3000) })));
        tooLarge.Message.ShouldContain("exceed");
        (await host.Log.GetTreeSizeAsync()).ShouldBe(0);
    }
}
