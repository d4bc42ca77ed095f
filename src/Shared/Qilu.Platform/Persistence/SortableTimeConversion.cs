using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Qilu.Platform.Persistence;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as UTC milliseconds since the Unix epoch. SQLite keeps DateTimeOffset as
/// text, which EF Core cannot compare or order in SQL; columns that queries compare (due times, leases, deadlines)
/// use this conversion on both providers so the same LINQ runs server-side everywhere.
/// </summary>
public static class SortableTimeConversion
{
    private static readonly ValueConverter<DateTimeOffset, long> Converter = new(
        v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    private static readonly ValueConverter<DateTimeOffset?, long?> NullableConverter = new(
        v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null, v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null);

    /// <summary>Stores the property as UTC epoch milliseconds (comparable and sortable in SQL).</summary>
    public static PropertyBuilder<DateTimeOffset> AsSortableTime(this PropertyBuilder<DateTimeOffset> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasConversion(Converter);
    }

    /// <summary>Stores the nullable property as UTC epoch milliseconds (comparable and sortable in SQL).</summary>
    public static PropertyBuilder<DateTimeOffset?> AsSortableTime(this PropertyBuilder<DateTimeOffset?> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasConversion(NullableConverter);
    }
}
