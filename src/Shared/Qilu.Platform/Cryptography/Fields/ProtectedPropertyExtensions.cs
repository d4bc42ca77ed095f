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
/// EF Core caches a context type's model, and with it the converter and its protector. For contexts registered
/// through DI (<c>AddDbContext</c>/<c>AddModuleDbContext</c>) EF keeps one internal service provider, hence one model
/// cache, per application service provider, so each host (and each test host with its own master key) gets its own
/// protector (covered by a test). A context built by hand with <c>new</c> and no application service provider
/// shares one model per process: give such contexts the same protector.
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
