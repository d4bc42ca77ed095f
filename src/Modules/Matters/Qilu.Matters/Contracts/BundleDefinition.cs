namespace Qilu.Matters.Contracts;

/// <summary>
/// A 一件事 bundle as it applies in one division: its member matters (effective there), one merged form in which a
/// field bound to the same data element is asked once, materials deduplicated by certificate type / data entry / name,
/// and the proactive offer configuration.
/// </summary>
/// <param name="BundleId">Bundle id.</param>
/// <param name="Code">Bundle code, e.g. <c>newborn</c>.</param>
/// <param name="Name">Name, e.g. 新生儿出生一件事.</param>
/// <param name="Description">What it covers.</param>
/// <param name="DivisionCode">Division the bundle was configured for.</param>
/// <param name="Version">Revision of the published bundle.</param>
/// <param name="CoordinatorUnitKind">牵头部门 kind.</param>
/// <param name="WorkflowKey">Parent process key (fan-out to one sub-case per member).</param>
/// <param name="Members">Member matters in order, with their applicability rules.</param>
/// <param name="Form">Merged form.</param>
/// <param name="Materials">Deduplicated materials.</param>
/// <param name="Offer">Proactive offer (Estonia-style event service), if configured.</param>
/// <param name="StatutoryLimitDays">Latest member 法定时限.</param>
/// <param name="PromisedLimitDays">Latest member 承诺时限 (the parent's deadline is the latest child's).</param>
public sealed record BundleDefinition(Guid BundleId, string Code, string Name, string Description, string DivisionCode, int Version,
    string CoordinatorUnitKind, string WorkflowKey, IReadOnlyList<BundleMemberDefinition> Members, IReadOnlyList<MergedFormField> Form,
    IReadOnlyList<MergedMaterial> Materials, ProactiveOfferDefinition? Offer, int StatutoryLimitDays, int PromisedLimitDays);

/// <summary>A member of a bundle.</summary>
/// <param name="Matter">The member matter as effective in the division.</param>
/// <param name="AppliesWhen">JsonLogic condition over the merged form (<c>{"var":"公民身份号码"}</c> …); null: always.</param>
public sealed record BundleMemberDefinition(MatterDefinition Matter, string? AppliesWhen);

/// <summary>A field of a merged bundle form.</summary>
/// <param name="Key">Merged key: the data element code when the field is bound, else <c>{basicCode}_{fieldKey}</c>.</param>
/// <param name="Field">The field (rules rewritten to merged keys).</param>
/// <param name="UsedBy">Basic codes of the members that ask for it.</param>
/// <param name="SourceKeys">The original field keys per member basic code.</param>
public sealed record MergedFormField(string Key, FormFieldDefinition Field, IReadOnlyList<string> UsedBy, IReadOnlyDictionary<string, string> SourceKeys);

/// <summary>A deduplicated bundle material.</summary>
/// <param name="Key">Dedup key: <c>cert:{type}</c>, <c>data:{entry}</c> or <c>name:{name}</c>.</param>
/// <param name="Material">The material (most demanding form and copies of the members').</param>
/// <param name="UsedBy">Basic codes of the members that need it.</param>
public sealed record MergedMaterial(string Key, MaterialDefinition Material, IReadOnlyList<string> UsedBy);

/// <summary>Proactive offer: a register event offers the bundle, prefilled, to the people it concerns.</summary>
/// <param name="TriggerEvent">Integration event name, e.g. <c>trust.certificate.issued</c> (<see cref="CertificateIssued"/>).</param>
/// <param name="Audience">
/// Who is offered: <c>subject</c>, <c>parents</c>, <c>legal_representative</c>, <c>applicant</c> or <c>household</c>. For a
/// certificate trigger the people the certificate names with an account: its holder (for a 出生医学证明, the parent under
/// whose identifier it is held).
/// </param>
/// <param name="ExpiryDays">Calendar days the offer stays open.</param>
/// <param name="TriggerCertificateType">For <see cref="CertificateIssued"/>: the 证照类型代码 that triggers the offer (Trust's type register).</param>
/// <param name="Prefill">
/// Merged form key → what fills it from the triggering certificate: one of its 照面 field names, <see cref="HolderName"/>, or
/// <see cref="HolderIdentifier"/> (filled from the confirming person's own account when they are the holder: the
/// identifier never travels in the event).
/// </param>
public sealed record ProactiveOfferDefinition(string TriggerEvent, string Audience, int ExpiryDays, string? TriggerCertificateType = null,
    IReadOnlyDictionary<string, string>? Prefill = null)
{
    /// <summary>The trigger name of the Trust module's CertificateIssued event.</summary>
    public const string CertificateIssued = "trust.certificate.issued";

    /// <summary>Prefill source: the certificate's 持证主体名称.</summary>
    public const string HolderName = "$holder.name";

    /// <summary>Prefill source: the holder's identifier, taken from the confirming holder's own account.</summary>
    public const string HolderIdentifier = "$holder.id";
}
