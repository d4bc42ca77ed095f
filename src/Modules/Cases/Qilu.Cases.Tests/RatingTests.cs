using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace Qilu.Cases.Tests;

/// <summary>好差评 over HTTP: rating after completion, rectification of a bad rating, reply, appeal, public statistics.</summary>
public sealed class RatingTests(CasesHost host) : IClassFixture<CasesHost>
{
    [Fact]
    public async Task BadRating_OpensARectificationTheUnitAnswersAndTheApplicantMayAppeal()
    {
        using var citizen = await host.CitizenAsync("张三");
        using var officer = await host.OfficialAsync("lx.market7", "market");
        var file = await citizen.UploadAsync(Api.Pdf("章程-评价"), "章程.pdf");
        var id = (await citizen.ApplyAsync(new
        {
            matterCode = "370100201000", form = new Dictionary<string, object?> { ["company_name"] = "济南评价测试有限公司", ["capital"] = 50 },
            materials = new[] { new { key = "name:公司章程", fileId = file } }, consent = true,
        }).OkAsync(HttpStatusCode.Created)).Id();
        (await citizen.PostAsJsonAsync($"/api/cases/{id}/rating", new { level = 5 }).OkAsync(HttpStatusCode.Conflict)).Codes().ShouldContain("cases.action_not_allowed");
        foreach (var a in new[] { "accept", "pass", "approve", "deliver" }) await officer.ActAsync(id, a).OkAsync();

        (await citizen.PostAsJsonAsync($"/api/cases/{id}/rating", new { level = 2 }).OkAsync(HttpStatusCode.BadRequest)).Codes().ShouldContain("rating.comment_required");
        var rated = await citizen.PostAsJsonAsync($"/api/cases/{id}/rating", new { level = 2, comment = "窗口答复不清楚，跑了两次" }).OkAsync();
        rated.GetProperty("levelName").GetString().ShouldBe("不满意");
        var rectificationId = rated.GetProperty("rectificationId").GetGuid();
        var due = rated.GetProperty("rectificationDueAt").GetDateTimeOffset();
        // 15 working days after Monday 2026-11-30: the end (24:00, UTC+8) of Monday 2026-12-21.
        due.ShouldBe(new DateTimeOffset(2026, 12, 22, 0, 0, 0, TimeSpan.FromHours(8)));
        (await citizen.PostAsJsonAsync($"/api/cases/{id}/rating", new { level = 5 }).OkAsync(HttpStatusCode.Conflict)).Codes().ShouldContain("rating.exists");
        var log = await host.DrainOutboxAsync();
        log.BadRatings.ShouldContain(e => e.CaseId == id && e.Level == 2);

        var open = await officer.GetAsync("/api/cases/rectifications").OkAsync();
        open.EnumerateArray().ShouldContain(r => r.GetProperty("id").GetGuid() == rectificationId);
        var replied = await officer.PostAsJsonAsync($"/api/cases/rectifications/{rectificationId}/reply", new { reply = "已优化一次性告知单", callbackNote = "已电话回访" }).OkAsync();
        replied.GetProperty("status").GetString().ShouldBe("replied");
        var appealed = await citizen.PostAsJsonAsync($"/api/cases/rectifications/{rectificationId}/appeal", new { appeal = "答复未解决问题" }).OkAsync();
        appealed.GetProperty("status").GetString().ShouldBe("appealed");
        appealed.GetProperty("round").GetInt32().ShouldBe(2);

        using var anonymous = host.CreateClient();
        var summary = await anonymous.GetAsync("/api/cases/ratings/summary?by=matter").OkAsync();
        var row = summary.EnumerateArray().Single(r => r.GetProperty("key").GetString() == "370100201000");
        row.GetProperty("bad").GetInt32().ShouldBe(1);
        (await anonymous.GetAsync("/api/cases/ratings/summary?by=nonsense")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
