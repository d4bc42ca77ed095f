using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Gateway;

/// <summary>A table resource of the grant's entry with the fields the call may see and how each is masked.</summary>
internal sealed record GrantedResource(MountedResourceInfo Resource, IReadOnlyList<ResourceColumn> Fields, IReadOnlyDictionary<string, MaskingRule> Masking)
{
    public IReadOnlyCollection<string> FieldNames => [.. Fields.Select(f => f.Field)];

    /// <summary>
    /// Resolves the resource and the projection: <paramref name="requested"/> (comma-separated; empty: every granted
    /// field of this resource). Fields the entry does not have are a 400 naming them; fields it has but the grant does
    /// not release are a 403 naming them.
    /// </summary>
    public static async Task<(GrantedResource? Granted, GatewayRefusal? Refusal)> ResolveAsync(IServiceProvider services, Grant grant, Guid resourceId,
        string? requested, CancellationToken ct)
    {
        var rows = services.GetService<IResourceRows>();
        if (rows is null) return (null, new GatewayRefusal(503, new("gateway.rows_unavailable", "资源库服务未启用", "The resource store is not available")));
        var resource = await rows.FindResourceAsync(resourceId, ct);
        if (resource is null || resource.EntryId != grant.EntryId || resource.Kind != ResourceKind.Table)
            return (null, GatewayRefusal.NotFound("资源", "Resource"));
        var granted = grant.FieldList.ToHashSet(StringComparer.Ordinal);
        var masking = grant.MaskingRules;
        List<ResourceColumn> fields;
        if (string.IsNullOrWhiteSpace(requested))
        {
            fields = [.. resource.Columns.Where(c => granted.Contains(c.Field))];
        }
        else
        {
            var (names, refusal) = FieldSelection.Check(requested, n => resource.Columns.Any(c => c.Field == n), granted,
                "资源没有这些信息项", "The resource has no fields named");
            if (refusal is not null) return (null, refusal);
            fields = [.. names!.Select(n => resource.Columns.First(c => c.Field == n))];
        }
        if (fields.Count == 0)
            return (null, GatewayRefusal.Forbidden("fields.not_granted", "授权未包含该资源的任何信息项", "The grant releases no field of this resource", "fields"));
        return (new GrantedResource(resource, fields, masking), null);
    }

    /// <summary>The row with only the projected fields, each masked by the grant's rule (Redact when the grant names none).</summary>
    public Dictionary<string, string?> Mask(ResourceRow row)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var f in Fields)
            values[f.Field] = FieldMasking.Apply(Masking.GetValueOrDefault(f.Field, MaskingRule.Redact), f.ElementIdentifier, row.Values.GetValueOrDefault(f.Field));
        return values;
    }

    /// <summary>A row key as the grant may see it: masked like the key field (Redact when the key field is not granted).</summary>
    public string MaskKey(string key)
    {
        var column = Resource.Columns.FirstOrDefault(c => c.Field == Resource.KeyField);
        var rule = column is null ? MaskingRule.Redact : Masking.GetValueOrDefault(column.Field, MaskingRule.Redact);
        return FieldMasking.Apply(rule, column?.ElementIdentifier, key) ?? "";
    }

    public Dictionary<string, string> MaskingView() => Fields.ToDictionary(f => f.Field, f => Masking.GetValueOrDefault(f.Field, MaskingRule.Redact).ToString(), StringComparer.Ordinal);

    public static IResourceRows Rows(IServiceProvider services) => services.GetRequiredService<IResourceRows>();
}
