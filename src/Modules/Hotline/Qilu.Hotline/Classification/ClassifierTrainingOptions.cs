namespace Qilu.Hotline.Classification;

/// <summary>Hyper-parameters of <see cref="NgramSoftmaxClassifier"/>. The defaults were chosen on a validation part of
/// the training split (never on the held-out split); see docs/hotline-classifier.md.</summary>
internal sealed record ClassifierTrainingOptions
{
    /// <summary>Passes over the training rows.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>Initial step size of stochastic gradient descent; decays as 1 / (1 + epoch).</summary>
    public float LearningRate { get; init; } = 2.0f;

    /// <summary>N-grams seen in fewer training texts than this are dropped (they are names and noise, not evidence).</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>Seed of the row order; training is deterministic for a given corpus and options.</summary>
    public ulong Seed { get; init; } = 12345;
}
