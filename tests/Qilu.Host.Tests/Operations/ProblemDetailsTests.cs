using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Shouldly;

namespace Qilu.Host.Tests.Operations;

public sealed class ProblemDetailsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Application(string Name, int Count, DateOnly BirthDate);

    private static void MapEndpoints(WebApplication app)
    {
        app.MapPost("/api/applications", (Application application) => Results.Ok(application));
        app.MapGet("/api/items", (int page, Guid? owner) => Results.Ok(new { page, owner }));
        app.MapGet("/api/boom", string () => throw new InvalidOperationException("secret internal detail"));
        app.MapPost("/api/race", string () => throw new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException("stale row"));
        app.MapPost("/api/upload", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return Results.Ok(buffer.Length);
        }).WithMetadata(new RequestSizeLimitAttribute(4 * 1024 * 1024));
    }

    [Fact]
    public async Task Post_MalformedJson_ReturnsInvalidJsonProblem()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints);

        var response = await app.Client.PostAsync(new Uri("/api/applications", UriKind.Relative), Json("""{"name": "张三", "count": """), Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("type").GetString().ShouldBe("https://qilu.gov.cn/problems/invalid_json");
        problem.GetProperty("title").GetString().ShouldBe("请求体不是有效的 JSON / The request body is not valid JSON");
        var error = problem.GetProperty("errors")[0];
        error.GetProperty("code").GetString().ShouldBe("invalid_json");
        error.GetProperty("messageEn").GetString()!.ShouldContain("LineNumber");
    }

    [Fact]
    public async Task Post_WrongValueType_ReturnsProblemNamingTheField()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints);

        var response = await app.Client.PostAsync(new Uri("/api/applications", UriKind.Relative),
            Json("""{"name": "张三", "count": "many", "birthDate": "1990-03-07"}"""), Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("count");
        problem.GetProperty("detail").GetString()!.ShouldContain("'count'");
        problem.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("字段 count");
    }

    [Fact]
    public async Task Get_QueryValueOfTheWrongType_ReturnsProblemNamingTheParameterWithoutEchoingTheValue()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints, environment: "Production");

        // A 身份证号 where a GUID belongs: the answer names the parameter and what it takes, and never repeats the value.
        var response = await app.Client.GetAsync(new Uri("/api/items?page=1&owner=11010519491231002X", UriKind.Relative), Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors")[0];
        error.GetProperty("field").GetString().ShouldBe("owner");
        error.GetProperty("code").GetString().ShouldBe("binding.format");
        error.GetProperty("message").GetString()!.ShouldContain("GUID");
        problem.GetProperty("type").GetString().ShouldBe("https://qilu.gov.cn/problems/binding.format");
        problem.GetRawText().ShouldNotContain("11010519491231002X");
    }

    [Fact]
    public async Task Get_NonIntegerPage_ReturnsProblemNamingPage()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints);

        var response = await app.Client.GetAsync(new Uri("/api/items?page=abc", UriKind.Relative), Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors")[0];
        error.GetProperty("field").GetString().ShouldBe("page");
        error.GetProperty("messageEn").GetString().ShouldBe("The value of 'page' is invalid; expected an integer.");
        problem.GetProperty("detail").GetString()!.ShouldNotContain("abc");
    }

    [Fact]
    public async Task Get_RequiredParameterMissing_ReturnsProblemNamingIt()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints);

        var response = await app.Client.GetAsync(new Uri("/api/items", UriKind.Relative), Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors")[0];
        error.GetProperty("field").GetString().ShouldBe("page");
        error.GetProperty("code").GetString().ShouldBe("binding.required");
    }

    [Fact]
    public async Task Get_WellFormedQuery_IsBound()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints);

        var response = await app.Client.GetAsync(new Uri("/api/items?page=2", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("\"page\":2");
    }

    [Fact]
    public async Task Post_ValidJson_IsBoundAndAnswered()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints);

        var response = await app.Client.PostAsync(new Uri("/api/applications", UriKind.Relative),
            Json("""{"name": "张三", "count": 2, "birthDate": "1990-03-07"}"""), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("\"name\":\"张三\"");
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415Problem()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints);

        var response = await app.Client.PostAsync(new Uri("/api/applications", UriKind.Relative),
            new StringContent("name=张三", Encoding.UTF8, "text/plain"), Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("title").GetString().ShouldBe("不支持的媒体类型 / Unsupported media type");
    }

    [Fact]
    public async Task Post_BodyOverDefaultLimit_Returns413ProblemBeforeReading()
    {
        var settings = new Dictionary<string, string?> { ["Qilu:Limits:MaxRequestBodyBytes"] = "1024" };
        await using var app = await OperationsApp.StartAsync(MapEndpoints, settings: settings);

        var response = await app.Client.PostAsync(new Uri("/api/applications", UriKind.Relative),
            Json($$"""{"name": "{{new string('x', 2000)}}", "count": 1, "birthDate": "1990-03-07"}"""), Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString()!.ShouldContain("1024");
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_OnKestrel_Returns413Problem()
    {
        var settings = new Dictionary<string, string?> { ["Qilu:Limits:MaxRequestBodyBytes"] = "1024" };
        await using var app = await OperationsApp.StartAsync(MapEndpoints, settings: settings, kestrel: true);
        // No Content-Length: the server only learns the size while reading, so Kestrel's limit must cut it off.
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(
            $$"""{"name": "{{new string('x', 200_000)}}", "count": 1, "birthDate": "1990-03-07"}""")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await app.Client.SendAsync(request, Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString()!.ShouldContain("1024");
    }

    [Fact]
    public async Task Post_EndpointWithOwnSizeLimit_AcceptsBodyOverDefaultLimit()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints);

        var response = await app.Client.PostAsync(new Uri("/api/upload", UriKind.Relative),
            new ByteArrayContent(new byte[2 * 1024 * 1024]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe((2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Post_LosingAConcurrencyRace_Answers409NotA500()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints, environment: "Production");

        var response = await app.Client.PostAsync(new Uri("/api/race", UriKind.Relative), null, Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("请刷新后重试");
        problem.GetRawText().ShouldNotContain("stale row");
    }

    [Fact]
    public async Task Get_ThrowingEndpoint_InProduction_Returns500WithoutDetails()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints, environment: "Production");

        var response = await app.Client.GetAsync(new Uri("/api/boom", UriKind.Relative), Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        body.ShouldNotContain("secret internal detail");
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain(" at ");
        problem.GetProperty("title").GetString().ShouldBe("服务器内部错误 / Internal server error");
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Get_ThrowingEndpoint_InDevelopment_IncludesExceptionDetails()
    {
        await using var app = await OperationsApp.StartAsync(MapEndpoints, environment: "Development");

        var response = await app.Client.GetAsync(new Uri("/api/boom", UriKind.Relative), Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        problem.GetProperty("exception").GetProperty("type").GetString().ShouldBe(typeof(InvalidOperationException).FullName);
        problem.GetProperty("detail").GetString().ShouldBe("secret internal detail");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        return problem;
    }
}
