using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Modules;

namespace Qilu.Identity;

/// <summary>
/// Front door of the Identity module (统一身份认证): divisions, departments, accounts, roles, and the OpenID Connect
/// provider that every face and every department system signs in through.
/// </summary>
public sealed class IdentityModule : IQiluModule
{
    public string Name => "identity";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
    }
}
