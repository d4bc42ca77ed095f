using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Contracts;
using Qilu.OpenData.Contracts;
using Qilu.OpenData.Data;
using Qilu.OpenData.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.OpenData.Datasets;

/// <summary>
/// POST /api/opendata/datasets: a data officer of the providing unit opens a published catalog entry whose 开放属性 is
/// 无条件 or 有条件. Every field the public would see must be graded at a level that permits the entry's open attribute
/// (<see cref="GradePolicy"/>); a field above that threshold must be removed or aggregated, else publication is
/// refused with the field named.
/// </summary>
internal static class PublishDataset
{
    public sealed record FieldChoice(string Name, FieldTreatment Treatment);

    public sealed record Request(Guid EntryId, string? Title, string? Description, IReadOnlyList<string>? Tags, string? LicenseId,
        IReadOnlyList<FieldChoice>? Fields);

    public sealed record Response(Guid Id, string Name, string Title, IReadOnlyList<DatasetField> Fields, int Resources);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/datasets", EndpointAsync)
        .RequirePermission(OpenDataPermissions.Publish)
        .WithName("PublishOpenDataset").WithSummary("发布开放数据集 / Publish an open dataset").Produces<Response>(201).ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, OpenDataDbContext db,
        ICatalogDirectory catalog, [Microsoft.AspNetCore.Mvc.FromServices] IResourceRows rows, TimeProvider clock, OpenDataAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, db, catalog, rows, clock, audit, ctx.RequestAborted),
            r => $"/api/3/action/package_show?id={r.Name}");

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Request request, OpenDataDbContext db, ICatalogDirectory catalog,
        IResourceRows rows, TimeProvider clock, OpenDataAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, OpenDataPermissions.Publish) is { } lacks) return Outcomes.Denied<Response>(lacks);
        var entry = await catalog.FindPublishedEntryAsync(request.EntryId, ct);
        if (entry is null) return Outcomes.NotFound<Response>("已发布的目录", "Published catalog entry");
        if (actor.DepartmentId != entry.ProviderUnitId)
            return Outcomes.Forbidden<Response>("opendata.not_provider", "只有目录提供单位的数据专员可以开放该目录", "Only a data officer of the providing unit may open this entry");
        if (entry.OpenType == OpenType.NotOpen)
            return Outcomes.Conflict<Response>("opendata.not_openable", $"目录「{entry.Name}」的开放属性为不予开放，不能发布为开放数据", $"Entry {entry.Code} is not open (开放属性 不予开放)", "entryId");
        if (await db.Datasets.AnyAsync(d => d.EntryId == entry.Id && d.State == DatasetState.Published, ct))
            return Outcomes.Conflict<Response>("opendata.already_published", "该目录已发布为开放数据集", "This entry is already published as a dataset", "entryId");

        var errors = new List<Error>();
        var title = string.IsNullOrWhiteSpace(request.Title) ? entry.Name : request.Title.Trim();
        if (title.Length > 200) errors.Add(new Error("opendata.title.too_long", "标题不超过200字", "Title: at most 200 characters", "title"));
        var description = string.IsNullOrWhiteSpace(request.Description) ? entry.Abstract : request.Description.Trim();
        if (description.Length > 4000) errors.Add(new Error("opendata.description.too_long", "描述不超过4000字", "Description: at most 4000 characters", "description"));
        var tags = (request.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > 20 || tags.Any(t => t.Length > 50 || t.Contains('|', StringComparison.Ordinal)))
            errors.Add(new Error("opendata.tags.invalid", "标签最多20个，每个不超过50字且不含“|”", "At most 20 tags of at most 50 characters, without '|'", "tags"));
        var licenseId = request.LicenseId ?? (entry.OpenType == OpenType.Conditional ? "sd-conditional" : "cc-by-4.0");
        var license = Vocabulary.FindLicense(licenseId);
        if (license is null)
            errors.Add(new Error("opendata.license.unknown", $"未知的开放许可「{licenseId}」", $"Unknown licence {licenseId}", "licenseId"));
        else if (license.IsOpen != (entry.OpenType == OpenType.Unconditional))
            errors.Add(new Error("opendata.license.mismatch", entry.OpenType == OpenType.Unconditional ? "无条件开放数据须采用开放许可" : "有条件开放数据须采用有条件开放使用协议",
                entry.OpenType == OpenType.Unconditional ? "Unconditionally open data needs an open licence" : "Conditionally open data needs the conditional-use agreement", "licenseId"));

        var choices = (request.Fields ?? []).ToList();
        foreach (var unknown in choices.Where(c => entry.Items.All(i => i.Name != c.Name)))
            errors.Add(new Error("opendata.field.unknown", $"目录中没有字段「{unknown.Name}」", $"The entry has no field {unknown.Name}", "fields." + unknown.Name));
        var fields = new List<DatasetField>();
        foreach (var item in entry.Items)
        {
            var treatment = choices.FirstOrDefault(c => c.Name == item.Name)?.Treatment ?? FieldTreatment.Keep;
            var field = new DatasetField(item.Name, item.ElementIdentifier, item.DataType, item.Grade, treatment);
            fields.Add(field);
            if (FieldError(field, entry.OpenType) is { } error) errors.Add(error);
        }
        if (fields.All(f => !f.Visible))
            errors.Add(new Error("opendata.fields.none", "至少保留一个字段", "Keep at least one field", "fields"));
        if (errors.Count > 0) return Result<Response>.Failure(errors, ErrorKind.Validation);

        var now = clock.GetUtcNow();
        var dataset = new Dataset
        {
            Name = await UniqueNameAsync(db, Vocabulary.Slug(entry.Code), ct), EntryId = entry.Id, EntryCode = entry.Code, EntryVersion = entry.VersionNumber,
            Title = title, Description = description, Theme = entry.Theme ?? "综合", TagsText = string.Join('|', tags), LicenseId = licenseId,
            PublisherUnitId = entry.ProviderUnitId, PublisherName = entry.ProviderName, PublisherCode = entry.ProviderCode,
            PublisherDivision = entry.ProviderDivisionCode, UpdateCycle = entry.UpdateCycle, OpenType = entry.OpenType,
            Grade = GradePolicy.Combine(fields.Where(f => f.Visible).Select(f => f.Treatment == FieldTreatment.Aggregate ? DataGrade.L1 : f.Grade)),
            FieldsJson = DatasetField.ToJson(fields), PublishedBy = actor.SubjectId, CreatedAt = now, ModifiedAt = now,
        };
        var position = 0;
        foreach (var resource in (await rows.ListResourcesAsync(entry.Id, ct)).Where(r => r.Kind == ResourceKind.Table).OrderBy(r => r.Name, StringComparer.Ordinal))
            dataset.Resources.Add(new DatasetResource { DatasetId = dataset.Id, CatalogResourceId = resource.ResourceId, Name = resource.Name, Position = position++, CreatedAt = now });
        var orgCreated = await db.Datasets.Where(d => d.PublisherUnitId == entry.ProviderUnitId).Select(d => (DateTimeOffset?)d.CreatedAt).MinAsync(ct) ?? now;
        dataset.PackageJson = PackageDocument.Build(dataset, orgCreated);
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("opendata.datasets.published", "dataset", dataset.Id.ToString(), actor,
            new { entry.Code, dataset.Name, removed = fields.Where(f => !f.Visible).Select(f => f.Name), aggregated = fields.Where(f => f.Treatment == FieldTreatment.Aggregate).Select(f => f.Name) }, ct);
        return new Response(dataset.Id, dataset.Name, dataset.Title, fields, dataset.Resources.Count);
    }

    /// <summary>Null when the public may see the field as treated, else the refusal naming it.</summary>
    internal static Error? FieldError(DatasetField field, OpenType open)
    {
        switch (field.Treatment)
        {
            case FieldTreatment.Remove:
                return null;
            case FieldTreatment.Aggregate when !DatasetField.CanAggregate(field.DataType, field.Element):
                return new Error("opendata.field.not_aggregatable", $"字段「{field.Name}」不能聚合（只有日期与行政区划可泛化），请保留或移除",
                    $"Field {field.Name} cannot be aggregated (only dates and division codes can be generalised)", "fields." + field.Name);
            case FieldTreatment.Aggregate when field.Grade <= DataGrade.L4:
                return null;
            default:
                var rule = GradePolicy.For(field.Grade);
                if (rule.AllowedOpenTypes.Contains(open)) return null;
                return new Error("opendata.field.above_threshold",
                    $"字段「{field.Name}」定级为{GradePolicy.Label(field.Grade)}，高于{GradePolicy.OpenLabel(open)}的门槛（{rule.RuleZh}），不能开放；请移除{(DatasetField.CanAggregate(field.DataType, field.Element) ? "或聚合" : "")}该字段",
                    $"Field {field.Name} is graded {field.Grade}, above the threshold for {open} opening ({rule.RuleEn}); remove it{(DatasetField.CanAggregate(field.DataType, field.Element) ? " or aggregate it" : "")}",
                    "fields." + field.Name);
        }
    }

    private static async Task<string> UniqueNameAsync(OpenDataDbContext db, string slug, CancellationToken ct)
    {
        var name = slug.Length is >= 2 and <= 90 ? slug : "dataset-" + Guid.NewGuid().ToString("N")[..12];
        var candidate = name;
        for (var i = 2; await db.Datasets.AnyAsync(d => d.Name == candidate, ct); i++) candidate = $"{name}-{i}";
        return candidate;
    }
}
