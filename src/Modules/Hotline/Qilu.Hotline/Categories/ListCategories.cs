using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Classification;

namespace Qilu.Hotline.Categories;

/// <summary>
/// GET /api/hotline/categories: the three-level taxonomy (public: the portal form needs it). POST
/// /api/hotline/categories/suggest: the classifier's top three for a text, empty when no classifier is installed.
/// </summary>
internal static class ListCategories
{
    public sealed record Item(string Code, int Level, string Name, string? ParentCode, string? UnitKind, string Path);

    public sealed record SuggestRequest(string? Content);

    public sealed record Suggestion(string Code, string Path, double Confidence);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/categories", (CategoryCatalog c) => Results.Ok(c.All.Select(x => new Item(x.Code, x.Level, x.Name, x.ParentCode, x.UnitKind, c.PathName(x.Code)))))
            .AllowAnonymous().WithName("ListHotlineCategories").WithSummary("诉求分类 / Categories").Produces<IReadOnlyList<Item>>();
        api.MapPost("/categories/suggest", (SuggestRequest r, CategoryCatalog c, IServiceProvider sp) => Results.Ok(Suggest(r.Content, c, sp)))
            .RequireAuthorization().WithName("SuggestHotlineCategory").WithSummary("分类建议 / Suggest categories").Produces<IReadOnlyList<Suggestion>>();
    }

    internal static IReadOnlyList<Suggestion> Suggest(string? content, CategoryCatalog c, IServiceProvider sp)
    {
        if (string.IsNullOrWhiteSpace(content) || content.Length > 4000 || sp.GetService<ITicketClassifier>() is not { } classifier) return [];
        return [.. classifier.Classify(content).Suggestions.Select(s => new Suggestion(s.CategoryCode, c.PathName(s.CategoryCode), s.Confidence))];
    }
}
