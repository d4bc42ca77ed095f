using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Qilu.Platform.Cryptography.Fields;

/// <summary>
/// EF Core value converter storing a string property as <see cref="IFieldProtector.Protect"/> output. Nulls are not
/// converted (EF skips converters for null). Queries cannot compare protected columns: store a blind index in a
/// separate column and query that. See <see cref="ProtectedPropertyExtensions"/> for wiring.
/// </summary>
public sealed class ProtectedStringConverter(IFieldProtector protector)
    : ValueConverter<string, string>(v => protector.Protect(v), v => protector.Unprotect(v));
