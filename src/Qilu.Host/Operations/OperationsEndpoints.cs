using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Qilu.Platform.Http;
using Scalar.AspNetCore;

namespace Qilu.Host.Operations;

/// <summary>
/// The host's operational plumbing: problem details, request limits, rate limits, OpenAPI and its reference UI,
/// health probes, OpenTelemetry, redacted logs, security and forwarded headers. The composition root calls
/// <see cref="AddQiluOperations"/> after creating the builder, <see cref="UseQiluOperations"/> first thing after
/// building the app, and <see cref="MapQiluOperations"/> with the other endpoints.
/// </summary>
internal static class OperationsEndpoints
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    public const string MetricsPath = "/metrics";
    private const string LiveTag = "live";
    private const string ReadyTag = "ready";

    /// <summary>Probe and scrape paths, exempt from throttling and tracing.</summary>
    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments(LivenessPath) || path.StartsWithSegments(ReadinessPath) || path.StartsWithSegments(MetricsPath);

    public static WebApplicationBuilder AddQiluOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Logs: mask personal data in every entry; JSON console output when Qilu:Logging:Json=true (read when the
        // console logger is built, so late configuration sources such as test factories apply).
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(RedactingLoggerFactory.Create));
        builder.Logging.AddConsole();
        services.AddOptions<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>()
            .Configure<IConfiguration>((o, configuration) =>
            {
                if (configuration.GetValue("Qilu:Logging:Json", false)) o.FormatterName = "json";
            });
        services.AddOptions<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>()
            .Configure(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
            });

        // Chinese text stays readable in HTML and JSON: the default encoders escape everything outside Basic Latin.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));

        // /api/ping answers the server time; modules inject the same clock (tests replace it).
        services.TryAddSingleton(TimeProvider.System);

        // Errors.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsSetup.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Minimal APIs only throw on bad input in Development by default; elsewhere they answer an empty 400 and the
        // JSON path of the bad value is lost. Throwing lets ProblemExceptionHandler name the field everywhere.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        // Limits.
        services.AddOptions<LimitsSettings>().BindConfiguration(LimitsSettings.Section)
            .Validate(s => s.MaxRequestBodyBytes > 0, "Qilu:Limits:MaxRequestBodyBytes must be positive.");
        services.AddOptions<RateLimitingSettings>().BindConfiguration(RateLimitingSettings.Section)
            .Validate(s => s.SignIn.PermitLimit > 0 && s.SignIn.WindowSeconds > 0
                && s.Public.TokenLimit > 0 && s.Public.TokensPerPeriod > 0 && s.Public.PeriodSeconds > 0
                && s.Global.TokenLimit > 0 && s.Global.TokensPerPeriod > 0 && s.Global.PeriodSeconds > 0,
                "Qilu:RateLimiting limits and periods must be positive.");
        services.AddRateLimiter(RateLimitingSetup.Configure);

        // Reverse proxies.
        services.AddOptions<ProxySettings>().BindConfiguration(ProxySettings.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxySettings>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = proxy.Value.ForwardLimit;
            foreach (var address in proxy.Value.KnownProxies) o.KnownProxies.Add(System.Net.IPAddress.Parse(address));
            foreach (var network in proxy.Value.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });

        // API description, health, telemetry.
        services.AddOpenApi(OpenApiSetup.DocumentName, OpenApiSetup.Configure);
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("进程运行中 / process up"), [LiveTag])
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(5));
        TelemetrySetup.Add(builder);
        return builder;
    }

    /// <summary>Adds the middleware; call right after <c>builder.Build()</c>, before any other middleware.</summary>
    public static WebApplication UseQiluOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue("Qilu:ForwardedHeaders", false))
            app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseExceptionHandler();
        // Browser page requests get the shell's HTML status pages (UseQiluShell, registered before this); everything
        // else gets problem details for an empty 4xx.
        app.UseWhen(ctx => !IsBrowserPage(ctx), b => b.UseStatusCodePages());
        // Explicit so that the body limit and rate limits see the matched endpoint's metadata.
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    private static bool IsBrowserPage(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && context.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Maps probes, metrics, the OpenAPI document, the API reference UI and <c>/api/ping</c>.</summary>
    public static WebApplication MapQiluOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous().DisableRateLimiting();
        // Exposed on every node for Prometheus; keep it off the public proxy (deploy/nginx.conf does).
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().DisableRateLimiting();

        if (app.Configuration.GetValue("Qilu:OpenApi:Enabled", true))
        {
            app.MapOpenApi().AllowAnonymous();
            app.MapScalarApiReference((options, context) =>
            {
                options.WithTitle("齐鲁 API 参考 / Qilu API reference")
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
                    .AddPreferredSecuritySchemes(OpenApiSetup.OAuth2Scheme);
                // Scalar's page configures itself with an inline script: allow exactly that script by a per-request nonce.
                var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
                options.WithNonce(nonce);
                context.Response.Headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; " +
                    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
                    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
            }).AllowAnonymous();
        }

        app.MapGet("/api/ping", ([FromServices] TimeProvider time) => TypedResults.Ok(new PingResponse("ok", time.GetUtcNow())))
            .WithName("Ping")
            .WithTags("运维 Operations")
            .WithSummary("连通性检查 / Reachability check")
            .WithDescription("返回 ok 与服务器时间（UTC）；按客户端地址限流（public 策略）。/ Answers ok and the server time (UTC); rate-limited per client address (public policy).")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Public);
        return app;
    }
}

/// <summary>The answer of <c>GET /api/ping</c>.</summary>
internal sealed record PingResponse(string Status, DateTimeOffset Time);
