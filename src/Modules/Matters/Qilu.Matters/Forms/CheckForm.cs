using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Matters.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Forms;

/// <summary>
/// POST /api/matters/forms/check: checks a form as saving it would (keys, types, bounds, and every visibility rule and
/// computed value through the Rules engine against the form's own fields as the schema), without saving. 200 with
/// every error, each under its JSON path (<c>form.fields[2].visibleWhen.and[1]</c>), so the designer can point at it.
/// </summary>
internal static class CheckForm
{
    /// <summary>What the designer sends.</summary>
    public sealed record Request(FormDefinition? Form);

    /// <summary>The verdict: valid, or the errors (none are thrown away).</summary>
    public sealed record Response(bool Valid, IReadOnlyList<Error> Errors);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/forms/check", Endpoint)
        .RequirePermission(MattersPermissions.CatalogEdit)
        .WithName("CheckMatterForm").WithSummary("校验申请表单（含规则） / Check a form and its rules").Produces<Response>();

    private static IResult Endpoint(Request request, HttpContext ctx, ActorAccessor actors) => Outcomes.Ok(Handle(actors.FromContext(ctx), request));

    internal static Result<Response> Handle(Actor actor, Request request)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogEdit) is { } denied) return Outcomes.Denied<Response>(denied);
        if (request?.Form is not { } form) return Outcomes.Invalid<Response>("required", "请提供表单", "The form is required", "form");
        var errors = new List<Error>();
        FormValidation.Check(form with { Fields = form.Fields ?? [] }, "form", errors);
        return new Response(errors.Count == 0, errors);
    }
}
