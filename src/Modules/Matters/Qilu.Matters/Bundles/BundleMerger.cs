using System.Text.Json;
using System.Text.Json.Nodes;
using Qilu.Matters.Contracts;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Bundles;

/// <summary>
/// Builds a bundle's one form and one material list from its members. A field bound to a data element is asked once
/// however many members need it (key = the data element code); unbound fields stay per member
/// (key = <c>{basicCode}_{fieldKey}</c>), and every rule is rewritten to the merged keys. Materials are deduplicated by
/// electronic-certificate type, then shared-data entry, then name; the merged entry takes the most demanding form,
/// the most copies and is required when any member requires it.
/// </summary>
internal static class BundleMerger
{
    public static BundleDefinition Define(Bundle bundle, BundleContent content, IReadOnlyList<(MatterDefinition Matter, string? AppliesWhen)> members)
    {
        var (form, _) = MergeForm(members.Select(m => m.Matter).ToList());
        return new BundleDefinition(bundle.Id, bundle.Code, content.Name, content.Description, bundle.DivisionCode, bundle.PublishedVersion,
            content.CoordinatorUnitKind, content.WorkflowKey,
            [.. members.Select(m => new BundleMemberDefinition(m.Matter, m.AppliesWhen))], form,
            MergeMaterials(members.Select(m => m.Matter).ToList()), content.Offer,
            members.Count == 0 ? 0 : members.Max(m => m.Matter.StatutoryLimitDays),
            members.Count == 0 ? 0 : members.Max(m => m.Matter.PromisedLimitDays));
    }

    public static string KeyOf(string basicCode, FormFieldDefinition f) => f.DataElement ?? $"{basicCode}_{f.Key}";

    /// <summary>The merged form and the conflicts (same data element, different type) found on the way.</summary>
    public static (IReadOnlyList<MergedFormField> Fields, IReadOnlyList<Error> Conflicts) MergeForm(IReadOnlyList<MatterDefinition> members)
    {
        var merged = new List<(string Key, FormFieldDefinition Field, List<string> UsedBy, Dictionary<string, string> Sources)>();
        var conflicts = new List<Error>();
        foreach (var matter in members)
        {
            var renames = matter.Form.Fields.ToDictionary(f => f.Key, f => KeyOf(matter.BasicCode, f), StringComparer.Ordinal);
            foreach (var f in matter.Form.Fields)
            {
                var key = renames[f.Key];
                var field = f with
                {
                    Key = key,
                    VisibleWhen = Rewrite(f.VisibleWhen, renames),
                    Computed = Rewrite(f.Computed, renames),
                };
                var existing = merged.FindIndex(x => x.Key == key);
                if (existing < 0)
                {
                    merged.Add((key, field, [matter.BasicCode], new(StringComparer.Ordinal) { [matter.BasicCode] = f.Key }));
                    continue;
                }
                var (_, current, usedBy, sources) = merged[existing];
                if (current.Type != field.Type)
                {
                    conflicts.Add(new Error("bundle.field_type_conflict",
                        $"数据元“{key}”在事项 {string.Join("、", usedBy)} 中为 {current.Type}，在事项 {matter.BasicCode} 中为 {field.Type}，无法合并",
                        $"Data element '{key}' is {current.Type} in {string.Join(", ", usedBy)} but {field.Type} in {matter.BasicCode}", "members"));
                    continue;
                }
                usedBy.Add(matter.BasicCode);
                sources[matter.BasicCode] = f.Key;
                merged[existing] = (key, current with
                {
                    Required = current.Required || field.Required,
                    // Shown when any member would show it; a member that always shows it makes it always shown.
                    VisibleWhen = current.VisibleWhen is null || field.VisibleWhen is null ? null
                        : $"{{\"or\":[{current.VisibleWhen},{field.VisibleWhen}]}}",
                    Computed = current.Computed ?? field.Computed,
                    Options = current.Options ?? field.Options,
                }, usedBy, sources);
            }
        }
        return ([.. merged.Select(m => new MergedFormField(m.Key, m.Field, m.UsedBy, m.Sources))], conflicts);
    }

    public static IReadOnlyList<MergedMaterial> MergeMaterials(IReadOnlyList<MatterDefinition> members)
    {
        var merged = new List<(string Key, MaterialDefinition Material, List<string> UsedBy)>();
        foreach (var matter in members)
        {
            foreach (var m in matter.Materials)
            {
                var key = m.Source switch
                {
                    MaterialSourceKind.Certificate when m.SourceCode is not null => "cert:" + m.SourceCode,
                    MaterialSourceKind.SharedData when m.SourceCode is not null => "data:" + m.SourceCode,
                    _ => "name:" + m.Name.Trim(),
                };
                var i = merged.FindIndex(x => x.Key == key);
                if (i < 0)
                {
                    merged.Add((key, m, [matter.BasicCode]));
                    continue;
                }
                var (_, current, usedBy) = merged[i];
                if (!usedBy.Contains(matter.BasicCode)) usedBy.Add(matter.BasicCode);
                merged[i] = (key, current with
                {
                    Form = (MaterialForm)Math.Min((int)current.Form, (int)m.Form),
                    Copies = Math.Max(current.Copies, m.Copies),
                    Required = current.Required || m.Required,
                    Source = (MaterialSourceKind)Math.Min((int)current.Source, (int)m.Source),
                }, usedBy);
            }
        }
        return [.. merged.Select(m => new MergedMaterial(m.Key, m.Material, m.UsedBy))];
    }

    /// <summary>Renames the root of every <c>var</c> in a JsonLogic rule.</summary>
    public static string? Rewrite(string? rule, IReadOnlyDictionary<string, string> renames)
    {
        if (rule is null) return null;
        var node = JsonNode.Parse(rule);
        return Walk(node, renames)?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
    }

    private static JsonNode? Walk(JsonNode? node, IReadOnlyDictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) array[i] = Walk(array[i]?.DeepClone(), renames);
                return array;
            case JsonObject obj when obj.Count == 1:
                var (op, value) = obj.First();
                if (op == "var")
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var name)) return new JsonObject { ["var"] = Rename(name, renames) };
                    if (value is JsonArray a && a.Count > 0 && a[0] is JsonValue first && first.TryGetValue<string>(out var n))
                    {
                        a[0] = Rename(n, renames);
                        return new JsonObject { ["var"] = a.DeepClone() };
                    }
                }
                return new JsonObject { [op] = Walk(value?.DeepClone(), renames) };
            default:
                return node;
        }
    }

    private static string Rename(string name, IReadOnlyDictionary<string, string> renames)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var root = dot < 0 ? name : name[..dot];
        return renames.TryGetValue(root, out var to) ? (dot < 0 ? to : to + name[dot..]) : name;
    }
}
