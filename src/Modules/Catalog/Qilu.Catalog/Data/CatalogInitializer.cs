using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.BaseList;
using Qilu.Catalog.Elements;
using Qilu.Platform.Hosting;

namespace Qilu.Catalog.Data;

/// <summary>
/// Applies the module's migrations and makes sure the standard data elements and the provincial base list exist
/// (reference data in every deployment; existing rows, possibly edited, are never overwritten).
/// </summary>
internal sealed class CatalogInitializer : IModuleInitializer
{
    public int Order => 200;

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var elements = (await db.Elements.Select(e => e.Identifier).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var d in StandardElements.All.Where(d => !elements.Contains(d.Identifier)))
        {
            db.Elements.Add(new DataElement
            {
                Identifier = d.Identifier, NameZh = d.NameZh, NameEn = d.NameEn, Definition = d.Text, DataType = d.DataType, Format = d.Format,
                Pattern = d.Pattern, MaxLength = d.MaxLength, CodeListText = d.CodeList, Unit = d.Unit, DefaultGrade = d.Grade, UpdatedAt = now,
            });
        }
        var items = (await db.BaseList.Select(b => b.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        db.BaseList.AddRange(ProvincialBaseList.All().Where(b => !items.Contains(b.Code)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
