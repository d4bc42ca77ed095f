using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.UseCases;

/// <summary>Shorthand for adding a field error.</summary>
internal static class ValidationExtensions
{
    public static void Add(this Validation v, string field, string code, string message, string messageEn) =>
        v.Add(new Error(code, message, messageEn, field));
}
