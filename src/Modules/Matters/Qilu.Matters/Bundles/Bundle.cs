using System.Text.Json;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;

namespace Qilu.Matters.Bundles;

/// <summary>
/// A 一件事 bundle configured for a division (the province's for everyone, or a city's own). The draft content is
/// edited freely; publishing copies it to <see cref="PublishedContent"/>, which is what the catalog serves.
/// </summary>
internal sealed class Bundle
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Code { get; init; }

    public required string DivisionCode { get; init; }

    public required string Name { get; set; }

    public required string Content { get; set; }

    public string? PublishedContent { get; set; }

    public int PublishedVersion { get; set; }

    public bool HasDraft { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Revision { get; set; }
}

/// <summary>The configuration of a bundle.</summary>
internal sealed record BundleContent
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required string CoordinatorUnitKind { get; init; }
    public required string WorkflowKey { get; init; }
    public required IReadOnlyList<BundleMember> Members { get; init; }
    public ProactiveOfferDefinition? Offer { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, MattersJson.Options);

    public static BundleContent FromJson(string json) => JsonSerializer.Deserialize<BundleContent>(json, MattersJson.Options)!;
}

/// <summary>A member matter by basic code, with an optional JsonLogic applicability condition over the merged form.</summary>
internal sealed record BundleMember(string BasicCode, string? AppliesWhen = null);
