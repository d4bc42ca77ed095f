using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Contracts;

/// <summary>
/// Validates values against data elements (数据元), for forms and table imports: an ID number by its GB 11643 check
/// character, a credit code by GB 32100, a code by the element's code list. Success carries the canonical value
/// (trimmed, full-width folded, 15-digit ID numbers upgraded); failure one <see cref="Error"/> naming the rule.
/// </summary>
public interface IDataElementValidator
{
    /// <summary>Validates against the active element <paramref name="identifier"/>; an unknown element is an error too.</summary>
    Task<Result<string>> ValidateAsync(string identifier, string? value, CancellationToken ct = default);

    /// <summary>Validates against an element already loaded (bulk imports load the elements once).</summary>
    Result<string> Validate(DataElementInfo element, string? value);
}
