using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Qilu.Trust.Certificates;

/// <summary>JSON options of the module's stored documents (camelCase, Chinese kept as is).</summary>
internal static class TrustJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
