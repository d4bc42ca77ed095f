using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Qilu.Platform.Auth;

/// <summary>Registers permission-based authorization with problem-details answers for API paths.</summary>
public static class AuthorizationRegistration
{
    public static IServiceCollection AddQiluAuthorization(this IServiceCollection services)
    {
        services.AddAuthorization();
        services.AddHttpContextAccessor();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        ModulePermissions.AddRegistry(services);
        return services;
    }
}
