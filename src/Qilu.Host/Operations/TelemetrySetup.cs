using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Qilu.Host.Operations;

/// <summary>
/// OpenTelemetry for service <c>qilu</c>: traces from ASP.NET Core, HttpClient and the platform's own
/// <c>Qilu.*</c> activity sources; metrics from ASP.NET Core, HttpClient, the .NET runtime and <c>Qilu.*</c> meters,
/// scraped by Prometheus at <c>/metrics</c>. OTLP export is added only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (the exporter reads that and the other standard OTEL_* variables itself).
/// </summary>
internal static class TelemetrySetup
{
    public const string ServiceName = "qilu";

    public static void Add(WebApplicationBuilder builder)
    {
        var version = typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: version, serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !OperationsEndpoints.IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource("Qilu", "Qilu.*"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Qilu", "Qilu.*")
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
    }
}
