namespace Qilu.Rules;

/// <summary>The declared type of a rule variable.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name",
    Justification = "The members mirror the schema's JSON type names (string, object).")]
public enum RuleValueType
{
    /// <summary>A JSON number (double precision).</summary>
    Number,
    /// <summary>A JSON string.</summary>
    String,
    /// <summary>A JSON boolean.</summary>
    Boolean,
    /// <summary>A calendar date, carried as a <c>yyyy-MM-dd</c> string.</summary>
    Date,
    /// <summary>A JSON array.</summary>
    Array,
    /// <summary>A JSON object.</summary>
    Object,
}
