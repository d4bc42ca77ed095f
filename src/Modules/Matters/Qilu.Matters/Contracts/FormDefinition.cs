namespace Qilu.Matters.Contracts;

/// <summary>Field types a matter form can hold.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<FormFieldType>))]
public enum FormFieldType
{
    /// <summary>Free text.</summary>
    Text = 1,
    /// <summary>Multi-line text.</summary>
    TextArea = 2,
    /// <summary>A number.</summary>
    Number = 3,
    /// <summary>A date (ISO 8601 yyyy-MM-dd).</summary>
    Date = 4,
    /// <summary>One of <see cref="FormFieldDefinition.Options"/>.</summary>
    Choice = 5,
    /// <summary>Yes/no.</summary>
    Boolean = 6,
    /// <summary>公民身份号码 (checked with its GB 11643 check digit).</summary>
    IdNumber = 7,
    /// <summary>A phone number.</summary>
    Phone = 8,
    /// <summary>统一社会信用代码.</summary>
    CreditCode = 9,
    /// <summary>A 行政区划代码.</summary>
    Division = 10,
    /// <summary>An address.</summary>
    Address = 11,
}

/// <summary>A matter's application form: fields bound to data elements, with rules for visibility and computed values.</summary>
/// <param name="Fields">Fields in display order.</param>
public sealed record FormDefinition(IReadOnlyList<FormFieldDefinition> Fields)
{
    /// <summary>A form with no fields.</summary>
    public static FormDefinition Empty { get; } = new([]);
}

/// <summary>
/// A form field. <see cref="DataElement"/> binds it to a data element of the Catalog module (e.g. <c>公民身份号码</c>),
/// which is what prefilling and the bundle merge key on. Rules are JsonLogic documents stored as JSON text and refer
/// to other fields as <c>{"var":"fieldKey"}</c>.
/// </summary>
/// <param name="Key">Field key, unique in the form (letters, digits, underscore).</param>
/// <param name="Label">Label shown to the applicant.</param>
/// <param name="Type">Field type.</param>
/// <param name="DataElement">Data element code the value is bound to; null for matter-specific fields.</param>
/// <param name="Required">True when the applicant must answer (when visible).</param>
/// <param name="Options">Choices for <see cref="FormFieldType.Choice"/>.</param>
/// <param name="MinLength">Minimum text length.</param>
/// <param name="MaxLength">Maximum text length.</param>
/// <param name="Pattern">A .NET regular expression the text must match.</param>
/// <param name="Min">Minimum number.</param>
/// <param name="Max">Maximum number.</param>
/// <param name="VisibleWhen">JsonLogic condition for showing the field; null: always shown.</param>
/// <param name="Computed">JsonLogic expression computing the value; null: entered by the applicant.</param>
/// <param name="Help">Help text.</param>
public sealed record FormFieldDefinition(string Key, string Label, FormFieldType Type, string? DataElement = null, bool Required = false,
    IReadOnlyList<string>? Options = null, int? MinLength = null, int? MaxLength = null, string? Pattern = null,
    decimal? Min = null, decimal? Max = null, string? VisibleWhen = null, string? Computed = null, string? Help = null);
