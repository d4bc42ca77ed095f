using System.Text.Json.Nodes;

namespace Qilu.Rules;

/// <summary>A variable that rules may read: its dotted path, type, whether it is always supplied, and what it means.</summary>
/// <param name="Name">Dotted data path, e.g. <c>applicant.division</c>.</param>
/// <param name="Type">The value's type.</param>
/// <param name="Required">True when every evaluation supplies it (otherwise rules should guard with <c>missing</c>).</param>
/// <param name="DescriptionZh">Chinese description for rule authors.</param>
/// <param name="DescriptionEn">English description.</param>
/// <param name="Enum">Allowed values, when the variable is a code list (matter codes, unit kinds…); null when open.</param>
public sealed record RuleVariable(
    string Name,
    RuleValueType Type,
    bool Required = false,
    string? DescriptionZh = null,
    string? DescriptionEn = null,
    IReadOnlyList<JsonNode?>? Enum = null);
