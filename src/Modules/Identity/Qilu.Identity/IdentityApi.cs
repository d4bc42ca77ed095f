using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Accounts;
using Qilu.Identity.Clients;
using Qilu.Identity.Departments;
using Qilu.Identity.Divisions;
using Qilu.Identity.Enterprises;
using Qilu.Identity.Keys;
using Qilu.Identity.Roles;

namespace Qilu.Identity;

/// <summary>The module's HTTP API under <c>/api/identity</c>; each use case maps its own route.</summary>
internal static class IdentityApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/identity").WithTags("Identity 统一身份认证");
        GetMe.Map(api);
        GetMyAccount.Map(api);
        EnrolTotp.Map(api);
        ListDivisions.Map(api);
        ExportDivisions.Map(api);
        ImportDivisions.Map(api);
        ListDepartments.Map(api);
        ListAccounts.Map(api);
        GetAccount.Map(api);
        CreateOfficial.Map(api);
        AssignRoles.Map(api);
        UnlockAccount.Map(api);
        DisableAccount.Map(api);
        RegisterCitizen.Map(api);
        ListMyEnterprises.Map(api);
        RegisterEnterprise.Map(api);
        GrantDelegation.Map(api);
        RevokeDelegation.Map(api);
        ListRoles.Map(api);
        UpdateRolePermissions.Map(api);
        ListClients.Map(api);
        RegisterClient.Map(api);
        CountAccountsByCity.Map(api);
        ListKeys.Map(api);
        RotateKey.Map(api);
    }
}
