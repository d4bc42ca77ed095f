using Qilu.Platform.Cryptography.Fields;

namespace Qilu.Catalog.Quality;

/// <summary>A source-unit task as shown to the raising unit, the source unit and the bureau; the disputed key is masked.</summary>
internal sealed record ObjectionView(Guid Id, string Kind, Guid ResourceId, Guid EntryId, string ResourceName, Guid SourceUnitId, Guid RaisedByUnitId,
    string RaisedByUnitName, string? Field, string? RowKeyMasked, string Description, string Status, DateTimeOffset CreatedAt, DateTimeOffset DueAt,
    bool Overdue, string? Answer, DateTimeOffset? AnsweredAt, string? ClosingComment, DateTimeOffset? ClosedAt, uint Version, bool CanAnswer, bool CanClose)
{
    public static ObjectionView Of(DataObjection o, IFieldProtector protector, DateTimeOffset now, Guid? actorUnit) => new(o.Id, o.Kind, o.ResourceId, o.EntryId,
        o.ResourceName, o.SourceUnitId, o.RaisedByUnitId, o.RaisedByUnitName, o.Field, o.RowKeySealed is null ? null : Mask(protector.Unprotect(o.RowKeySealed)),
        o.Description, o.Status, o.CreatedAt, o.DueAt, o.Status == ObjectionStatus.Open && now > o.DueAt, o.Answer, o.AnsweredAt, o.ClosingComment, o.ClosedAt,
        o.Version, o.Status == ObjectionStatus.Open && actorUnit == o.SourceUnitId, o.Status == ObjectionStatus.Answered && actorUnit == o.RaisedByUnitId);

    private static string Mask(string key) => key.Length <= 8 ? new string('*', key.Length) : key[..4] + new string('*', key.Length - 8) + key[^4..];
}
