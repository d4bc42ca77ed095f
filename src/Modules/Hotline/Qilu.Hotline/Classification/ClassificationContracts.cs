namespace Qilu.Hotline.Classification;

/// <summary>A category of the hotline taxonomy (three levels, 6-digit codes in the style of GB/T 39666).</summary>
/// <param name="Code">6-digit code; level 1 ends in 0000, level 2 in 00.</param>
/// <param name="Level">1, 2 or 3.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="ParentCode">Parent code, null at level 1.</param>
/// <param name="UnitKind">For level-3 categories: the kind of department that handles them by default (Identity's
/// department kinds, e.g. <c>urban_management</c>, <c>market</c>), used by the dispatch catalogue.</param>
internal sealed record HotlineCategory(string Code, int Level, string Name, string? ParentCode, string? UnitKind);

/// <summary>The taxonomy the hotline classifies and dispatches by.</summary>
internal interface IHotlineTaxonomy
{
    /// <summary>All categories, level by level, in code order.</summary>
    IReadOnlyList<HotlineCategory> All { get; }

    /// <summary>The category with this code, or null.</summary>
    HotlineCategory? Find(string code);

    /// <summary>The path from level 1 down to the category (e.g. 城乡建设 › 市容环境 › 占道经营); empty when unknown.</summary>
    IReadOnlyList<HotlineCategory> PathOf(string code);
}

/// <summary>One suggested category with the classifier's confidence (0–1).</summary>
/// <param name="CategoryCode">Level-3 category code.</param>
/// <param name="Confidence">Probability-like score; the top suggestions' scores sum to at most 1.</param>
internal sealed record CategorySuggestion(string CategoryCode, double Confidence);

/// <summary>What the classifier suggests for a ticket's content: the best three categories, best first.</summary>
/// <param name="Suggestions">Up to three suggestions, best first.</param>
/// <param name="ModelVersion">Which trained model answered (kept with the ticket so a suggestion can be explained later).</param>
internal sealed record ClassificationResult(IReadOnlyList<CategorySuggestion> Suggestions, string ModelVersion);

/// <summary>
/// Suggests the category of a ticket from its content. The agent or dispatcher confirms; the suggestion and its
/// confidence are kept with the ticket. Thread-safe; cheap enough to call on every keystroke pause of the agent console.
/// </summary>
internal interface ITicketClassifier
{
    /// <summary>Classify free text (the citizen's words as the agent typed them).</summary>
    ClassificationResult Classify(string content);
}
