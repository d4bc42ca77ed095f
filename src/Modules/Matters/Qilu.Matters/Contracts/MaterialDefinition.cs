namespace Qilu.Matters.Contracts;

/// <summary>A required material (申请材料) of a matter.</summary>
/// <param name="Name">Material name, e.g. 出生医学证明.</param>
/// <param name="Form">原件, 复印件 or 电子.</param>
/// <param name="Copies">Number of copies (份数); 0 for electronic-only.</param>
/// <param name="Source">Where it comes from: upload, electronic certificate, shared data, or exempt.</param>
/// <param name="SourceCode">Certificate type code (电子证照类型代码) or shared-data catalog entry code; null for upload/exempt.</param>
/// <param name="Required">False for materials needed only in some situations (容缺/按情形).</param>
/// <param name="Note">Remarks; for exempt materials the basis of the exemption.</param>
public sealed record MaterialDefinition(string Name, MaterialForm Form, int Copies, MaterialSourceKind Source,
    string? SourceCode = null, bool Required = true, string? Note = null);

/// <summary>收费: whether the matter is charged, the fee standard and its legal basis.</summary>
/// <param name="Charged">True when a fee applies.</param>
/// <param name="Standard">Fee standard (收费标准); required when charged.</param>
/// <param name="Basis">Legal basis (收费依据); required when charged.</param>
public sealed record FeeDefinition(bool Charged, string? Standard = null, string? Basis = null);

/// <summary>One step of 办理流程.</summary>
/// <param name="Name">Step name, e.g. 受理.</param>
/// <param name="Description">What happens, who does it.</param>
public sealed record ProcedureStep(string Name, string Description);

/// <summary>
/// Routing (which unit handles a case): a JsonLogic rule document, stored as JSON, evaluating to a department kind
/// (<c>public_security</c>, <c>market</c> …) over the variables <c>form.*</c> and <c>applicant.*</c>. A plain JSON
/// string (<c>"hrss"</c>) is the simplest rule. The Rules engine evaluates it; the Identity directory resolves the kind
/// to the unit at the applicant's division.
/// </summary>
/// <param name="UnitKind">The default responsible department kind (also the result when the rule is a literal).</param>
/// <param name="Rule">The JsonLogic rule document as JSON text.</param>
public sealed record RoutingDefinition(string UnitKind, string Rule);
