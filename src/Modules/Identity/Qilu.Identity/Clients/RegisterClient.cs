using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Qilu.Identity.Auditing;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Identity.SignOn;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qilu.Identity.Clients;

/// <summary>
/// POST /api/identity/clients: registers a relying party (kind <c>interactive</c>: code + PKCE, exact redirect URIs,
/// explicit consent) or a department system (kind <c>system</c>: client credentials, acting for one unit). The secret
/// is generated, shown once in the response, and stored hashed by OpenIddict. Scopes are those of
/// <see cref="ClientScopes"/> (a department system may also hold other modules' scopes, such as the sharing gateway's);
/// any other is refused with a 400 naming it (it used to be dropped without a word, and a system registered for the
/// gateway got a client that could not call it).
/// </summary>
internal static class RegisterClient
{
    public sealed record Request(string? ClientId, string? DisplayName, string? Kind, string[]? RedirectUris, string[]? Scopes, Guid? DepartmentId);

    public sealed record Response(string ClientId, string ClientSecret);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/clients", EndpointAsync)
        .RequirePermission(IdentityPermissions.ClientsManage)
        .WithName("RegisterClient").WithSummary("注册接入应用 / Register a client").Produces<Response>(StatusCodes.Status201Created);

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, IOpenIddictApplicationManager manager,
        IdentityDbContext db, IdentityAudit audit, ClientScopes scopes) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, manager, db, audit, scopes, ctx.RequestAborted), r => $"/api/identity/clients/{r.ClientId}");

    /// <summary>The use case, for the endpoint and the admin page alike. The secret is in the value, once.</summary>
    internal static async Task<Result<Response>> HandleAsync(Actor actor, Request request, IOpenIddictApplicationManager manager,
        IdentityDbContext db, IdentityAudit audit, ClientScopes allowed, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, IdentityPermissions.ClientsManage) is { } denied) return Outcomes.Denied<Response>(denied);
        var v = new Validation()
            .Required("clientId", request.ClientId, "客户端标识")
            .Rule(request.ClientId is null || System.Text.RegularExpressions.Regex.IsMatch(request.ClientId, "^[a-z][a-z0-9-]{2,63}$"),
                "clientId", "client_id.format", "客户端标识须为3–64位小写字母、数字或连字符", "clientId must be 3–64 lowercase letters, digits or hyphens")
            .Required("displayName", request.DisplayName, "应用名称")
            .Rule(request.Kind is "interactive" or "system", "kind", "client.kind", "类型须为 interactive 或 system", "kind must be interactive or system");
        var redirects = new List<Uri>();
        if (request.Kind == "interactive")
        {
            v.Rule(request.RedirectUris is { Length: > 0 }, "redirectUris", "required", "至少填写一个回调地址", "At least one redirect URI is required");
            foreach (var r in request.RedirectUris ?? [])
            {
                // Exact, absolute URIs only (no wildcards, no fragments), https except on loopback.
                if (Uri.TryCreate(r, UriKind.Absolute, out var uri) && uri.Fragment.Length == 0 && !r.Contains('*', StringComparison.Ordinal)
                    && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
                    redirects.Add(uri);
                else v.Add(new Error("redirect_uri.invalid", $"回调地址无效：{r}（须为完整的 https 地址，本机可用 http）", $"Invalid redirect URI: {r}", "redirectUris"));
            }
        }
        else v.Rule(request.DepartmentId is not null, "departmentId", "required", "部门系统须指定所属单位", "departmentId is required for system clients");
        var system = request.Kind == "system";
        var refused = (request.Scopes ?? []).Where(s => !allowed.Allows(system, s)).Distinct(StringComparer.Ordinal).ToList();
        if (refused.Count > 0)
        {
            var systemOnly = refused.Where(s => allowed.Allows(true, s)).ToList();
            v.Add(systemOnly.Count == refused.Count
                ? new Error("scopes.system_only", $"这些授权范围只能授予部门业务系统：{string.Join("、", systemOnly)}",
                    $"These scopes are for department systems only: {string.Join(", ", systemOnly)}", "scopes")
                : new Error("scopes.unknown", $"未知的授权范围：{string.Join("、", refused)}（可用：{string.Join("、", system ? [.. ClientScopes.SignOn, .. allowed.ModuleScopes] : ClientScopes.SignOn)}）",
                    $"Unknown scopes: {string.Join(", ", refused)}", "scopes"));
        }
        if (!v.IsValid) return v.Invalid<Response>();
        if (await manager.FindByClientIdAsync(request.ClientId!, ct) is not null)
            return Outcomes.Conflict<Response>("client_id.taken", "客户端标识已存在", "The client id is taken", "clientId");

        var secret = Seed.DemoProvinceSeeder.NewSecret() + Seed.DemoProvinceSeeder.NewSecret();
        var d = new OpenIddictApplicationDescriptor { ClientId = request.ClientId, ClientSecret = secret, DisplayName = request.DisplayName, ClientType = ClientTypes.Confidential };
        var scopes = (request.Scopes ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (request.Kind == "interactive")
        {
            d.ConsentType = ConsentTypes.Explicit;
            foreach (var r in redirects) d.RedirectUris.Add(r);
            d.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            ClientPermissions.AddInteractive(d.Permissions, scopes);
        }
        else
        {
            var dep = await db.Departments.SingleOrDefaultAsync(x => x.Id == request.DepartmentId, ct);
            if (dep is null || !actor.CanSeeDivision(dep.DivisionCode))
                return Outcomes.Invalid<Response>("department.out_of_scope", "所属单位不存在或不在您的管辖范围内", "The department does not exist or is outside your scope", "departmentId");
            ClientPermissions.AddClientCredentials(d.Permissions, scopes.Length == 0 ? [OidcScopes.Api] : scopes);
            ClientPermissions.ActFor(d.Properties, dep.Id, dep.Name, dep.DivisionCode);
        }
        await manager.CreateAsync(d, ct);
        await audit.WriteAsync("identity.clients.registered", "client", request.ClientId, "success", new { request.Kind, scopes = scopes.Length == 0 && system ? [OidcScopes.Api] : scopes }, actor, ct);
        return new Response(request.ClientId!, secret);
    }
}
