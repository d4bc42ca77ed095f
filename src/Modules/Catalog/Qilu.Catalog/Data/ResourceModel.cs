using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Quality;
using Qilu.Catalog.Resources;
using Qilu.Catalog.Resources.Import;

namespace Qilu.Catalog.Data;

/// <summary>Tables of mounted resources, imports, rows, the change feed and source-unit tasks (ADR 0016).</summary>
internal static class ResourceModel
{
    public static void Configure(ModelBuilder b, bool isSqlite)
    {
        b.Entity<MountedResource>(e =>
        {
            e.ToTable("resources");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasConversion<int>();
            e.Property(x => x.ProviderDivisionCode).HasMaxLength(12);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.ColumnsJson).HasMaxLength(20000);
            e.Property(x => x.KeyField).HasMaxLength(100);
            e.Property(x => x.DivisionField).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(64);
            e.Property(x => x.BaseUrl).HasMaxLength(500);
            e.Property(x => x.OpenApiTitle).HasMaxLength(200);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.FileHash).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.EntryId);
            e.HasIndex(x => x.ProviderUnitId);
            e.Ignore(x => x.Columns);
            e.Ignore(x => x.Operations);
        });
        b.Entity<StoredRow>(e =>
        {
            e.ToTable("resource_rows");
            // The primary key is the query-by-key path: one B-tree probe on (resource, key token).
            e.HasKey(x => new { x.ResourceId, x.KeyToken });
            e.Property(x => x.KeyToken).HasMaxLength(256);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            e.Property(x => x.Digest).HasMaxLength(44);
            // Division prefixes are range scans on the index; PostgreSQL's default (linguistic) collation would neither
            // order digits bytewise nor let the range use the index, so these columns compare as bytes ("C").
            if (!isSqlite)
            {
                e.Property(x => x.KeyToken).UseCollation("C");
                e.Property(x => x.DivisionCode).UseCollation("C");
            }
            e.HasIndex(x => new { x.ResourceId, x.DivisionCode });
        });
        b.Entity<StoredRowFilter>(e =>
        {
            e.ToTable("resource_row_filters");
            // The primary key is the only index (ADR 0016 addendum 2): an update or deletion removes the row's old tokens
            // by recomputing them from its values, so no second B-tree by key is written for every token at import.
            // On SQLite the table is WITHOUT ROWID (migration CompactRowFilters): the key is the whole row.
            e.HasKey(x => new { x.ResourceId, x.Column, x.Token, x.KeyToken });
            e.Property(x => x.Token).HasMaxLength(RowCodec.FilterTokenLength);
            e.Property(x => x.KeyToken).HasMaxLength(256);
        });
        b.Entity<StoredChange>(e =>
        {
            e.ToTable("resource_changes");
            e.HasKey(x => new { x.ResourceId, x.Sequence });
            e.Property(x => x.KeyToken).HasMaxLength(256);
            e.Property(x => x.DivisionCode).HasMaxLength(12);
            if (!isSqlite) e.Property(x => x.DivisionCode).UseCollation("C");
        });
        b.Entity<StoredFile>(e =>
        {
            e.ToTable("resource_files");
            e.HasKey(x => x.ResourceId);
        });
        b.Entity<TableImport>(e =>
        {
            e.ToTable("resource_imports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.Format).HasMaxLength(8);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Failure).HasMaxLength(2000);
            e.Property(x => x.StartedBy).HasMaxLength(64);
            e.HasIndex(x => new { x.ResourceId, x.StartedAt });
        });
        b.Entity<ImportRejection>(e =>
        {
            e.ToTable("resource_import_rejections");
            e.HasKey(x => x.Id);
            e.Property(x => x.Field).HasMaxLength(100);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.ReasonEn).HasMaxLength(1000);
            e.HasIndex(x => new { x.ImportId, x.RowNumber });
        });
        b.Entity<DataObjection>(e =>
        {
            e.ToTable("objections");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.ResourceName).HasMaxLength(200);
            e.Property(x => x.SourceDivisionCode).HasMaxLength(12);
            e.Property(x => x.RaisedByUnitName).HasMaxLength(100);
            e.Property(x => x.RaisedByDivisionCode).HasMaxLength(12);
            e.Property(x => x.RaisedBy).HasMaxLength(64);
            e.Property(x => x.Field).HasMaxLength(100);
            e.Property(x => x.RowKeySealed).HasMaxLength(1000);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.Answer).HasMaxLength(2000);
            e.Property(x => x.AnsweredBy).HasMaxLength(64);
            e.Property(x => x.ClosingComment).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.SourceUnitId, x.Status });
            e.HasIndex(x => new { x.RaisedByUnitId, x.Status });
            e.HasIndex(x => x.ResourceId);
        });
    }
}
