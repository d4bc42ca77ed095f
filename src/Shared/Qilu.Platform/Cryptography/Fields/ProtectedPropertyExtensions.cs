using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qilu.Platform.Cryptography.Fields;

/// <summary>
/// Marks a string property as encrypted at rest. Usage in a module DbContext (the protector comes in through the
/// constructor; DI builds module contexts, so it is the host's singleton):
/// <code>
/// internal abstract class CasesDbContext(DbContextOptions options, IFieldProtector protector) : DbContext(options)
/// {
///     protected override void OnModelCreating(ModelBuilder b)
///     {
///         b.Entity&lt;Applicant&gt;().Property(a =&gt; a.IdNumber).IsProtected(protector);
///         b.Entity&lt;Applicant&gt;().HasIndex(a =&gt; a.IdNumberIndex);   // = protector.BlindIndex(normalised, "cases.applicant.id-number")
///         ...
///     }
/// }
/// </code>
/// EF Core builds a context type's model once per process and caches it, so the converter keeps the protector of
/// the first context built. The host has exactly one <see cref="IFieldProtector"/>, so that is correct there; a test
/// that builds several service providers with different master keys in one process must share one key store or
/// give each provider its own context type.
/// </summary>
public static class ProtectedPropertyExtensions
{
    /// <summary>Stores the property through <see cref="ProtectedStringConverter"/> (for <c>string</c> and <c>string?</c>).</summary>
#nullable disable annotations
    // Oblivious parameter type: accepts PropertyBuilder<string> and PropertyBuilder<string?> without nullability warnings.
    public static PropertyBuilder<string> IsProtected(this PropertyBuilder<string> property, IFieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(protector);
        return property.HasConversion(new ProtectedStringConverter(protector));
    }
#nullable restore annotations
}
