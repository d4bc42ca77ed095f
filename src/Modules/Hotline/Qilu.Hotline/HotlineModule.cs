using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Modules;

namespace Qilu.Hotline;

/// <summary>
/// Front door of the Hotline module (12345 接诉即办): one ticket model for every channel, Open311 GeoReport v2,
/// classification and dispatch, deadlines and escalation, merge, callback and satisfaction, and hotspot analytics.
/// </summary>
public sealed class HotlineModule : IQiluModule
{
    /// <summary>Module key (schema/table prefix, permission prefix).</summary>
    public const string Key = "hotline";

    public string Name => Key;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
    }
}
