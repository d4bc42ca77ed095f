using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Elements;

/// <summary>
/// POST /api/catalog/elements/{identifier}/validate: checks one value against an element (200 with the canonical
/// value, or 400 naming the rule). The value itself is never logged or audited: it may be personal data.
/// </summary>
internal static class ValidateValue
{
    public sealed record Request(string? Value);

    public sealed record Response(string Element, string Value);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/elements/{identifier}/validate", EndpointAsync)
        .RequirePermission(CatalogPermissions.ElementsRead)
        .WithName("ValidateDataElementValue").WithSummary("按数据元校验取值 / Validate a value").Produces<Response>().ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(string identifier, Request request, HttpContext ctx, ActorAccessor actors, IDataElementValidator validator) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), identifier, request, validator, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, string identifier, Request request, IDataElementValidator validator, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.ElementsRead) is { } denied) return Outcomes.Denied<Response>(denied);
        var result = await validator.ValidateAsync(identifier, request.Value, ct);
        return result.IsSuccess ? new Response(identifier, result.Value) : Result<Response>.Failure(result.Errors, result.Kind);
    }
}
