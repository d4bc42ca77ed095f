using Qilu.Platform.Events;

namespace Qilu.Catalog.Contracts;

/// <summary>
/// A version of a catalog entry was published (first publication or a new version replacing the previous one).
/// Published through the module's outbox in the same transaction as the change (ADR 0011).
/// </summary>
/// <param name="EntryId">Stable entry id.</param>
/// <param name="Code">Catalog code.</param>
/// <param name="VersionNumber">The version now published.</param>
/// <param name="ProviderUnitId">提供方.</param>
/// <param name="Grade">Entry grade.</param>
/// <param name="ShareType">共享类型.</param>
/// <param name="PublishedAt">When.</param>
public sealed record CatalogEntryPublished(Guid EntryId, string Code, int VersionNumber, Guid ProviderUnitId, DataGrade Grade,
    ShareType ShareType, DateTimeOffset PublishedAt) : IntegrationEvent;

/// <summary>A published catalog entry was withdrawn (下线); grants on it should stop.</summary>
/// <param name="EntryId">Stable entry id.</param>
/// <param name="Code">Catalog code.</param>
/// <param name="Reason">Why.</param>
/// <param name="WithdrawnAt">When.</param>
public sealed record CatalogEntryWithdrawn(Guid EntryId, string Code, string Reason, DateTimeOffset WithdrawnAt) : IntegrationEvent;

/// <summary>Rows of a mounted table changed (an import or re-import committed). Subscribers (the Sharing module's
/// subscriptions) read the changes from <see cref="IResourceRows.ChangesSinceAsync"/>.</summary>
/// <param name="ResourceId">The resource.</param>
/// <param name="EntryId">The catalog entry (stable id).</param>
/// <param name="FromSequence">First change sequence of this batch.</param>
/// <param name="ToSequence">Last change sequence of this batch.</param>
/// <param name="ChangedAt">When.</param>
public sealed record ResourceRowsChanged(Guid ResourceId, Guid EntryId, long FromSequence, long ToSequence,
    DateTimeOffset ChangedAt) : IntegrationEvent;
