using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Qilu.Host.Operations;

/// <summary>
/// The OpenAPI 3.1 description of the platform's HTTP API at <c>/openapi/v1.json</c>: bilingual info, and the
/// OAuth 2.0 (authorization code with PKCE, client credentials) and bearer schemes of the Identity module's OpenID
/// Connect provider. Operations that require authorization reference them; anonymous ones do not.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string OAuth2Scheme = "oauth2";
    public const string BearerScheme = "bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.AddDocumentTransformer(TransformDocument);
        options.AddOperationTransformer(TransformOperation);
    }

    private static Task TransformDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "齐鲁 一体化数字政府平台 API / Qilu Digital Government Platform API",
            Version = "v1",
            Description =
                "齐鲁平台的开放接口：统一身份认证、事项、办件、热线、数据共享与开放等模块。" +
                "错误均以 RFC 9457 问题详情（application/problem+json）返回，字段级错误列在 errors 中。\n\n" +
                "The Qilu platform's HTTP API: identity, matters, cases, hotline, data sharing and open data. Errors are " +
                "RFC 9457 problem details (application/problem+json); field errors are listed under `errors`.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        var scopes = new Dictionary<string, string>
        {
            ["openid"] = "OpenID Connect 身份 / identity",
            ["profile"] = "基本资料 / basic profile",
        };
        document.Components.SecuritySchemes[OAuth2Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "统一身份认证（OpenID Connect）/ Unified identity (OpenID Connect)",
            // Relative URLs resolve against the server URL (OpenAPI 3.1 §4.3), so the document fits every node and proxy.
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = scopes,
                },
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string>(),
                },
            },
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "访问令牌 / Access token from /connect/token",
        };
        return Task.CompletedTask;
    }

    private static Task TransformOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
            return Task.CompletedTask;
        var document = context.Document;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(OAuth2Scheme, document)] = [],
        });
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
        });
        return Task.CompletedTask;
    }
}
