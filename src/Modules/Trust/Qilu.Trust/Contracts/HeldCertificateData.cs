namespace Qilu.Trust.Contracts;

/// <summary>
/// A valid certificate with its 照面 items (证照信息项), for once-only prefill (免填) of a form the holder is filling in:
/// <see cref="Items"/> maps each item's Chinese label (e.g. 不动产权证号, 坐落) to its value.
/// </summary>
/// <param name="Certificate">The certificate as <see cref="ICertificateWallet.ListHeldAsync"/> shows it.</param>
/// <param name="Items">Item label → value, in the type's schema order.</param>
public sealed record HeldCertificateData(HeldCertificate Certificate, IReadOnlyDictionary<string, string> Items);
