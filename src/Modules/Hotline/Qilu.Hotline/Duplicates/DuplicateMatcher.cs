namespace Qilu.Hotline.Duplicates;

/// <summary>
/// How alike two tickets are, for 并单 suggestions: the same category is required; then the place (within
/// <see cref="NearMetres"/> when both have coordinates, else the addresses' character-bigram overlap) and the text
/// (character-bigram Dice coefficient, which needs no word segmentation for Chinese) are combined.
/// </summary>
internal static class DuplicateMatcher
{
    /// <summary>FixMyStreet suggests duplicates within 50 m; a hotline caller's location is coarser, so wider.</summary>
    public const double NearMetres = 300;

    public const double SuggestAt = 0.55;

    public sealed record Score(double Total, double Text, double Place, double? Metres);

    public static Score Compare(string contentA, string? addressA, double? latA, double? lonA, string contentB, string? addressB, double? latB, double? lonB)
    {
        var text = Dice(contentA, contentB);
        double place;
        double? metres = null;
        if (latA is { } la && lonA is { } oa && latB is { } lb && lonB is { } ob)
        {
            metres = Haversine(la, oa, lb, ob);
            place = metres <= NearMetres ? 1 : metres <= NearMetres * 3 ? 0.5 : 0;
        }
        else
        {
            place = addressA is null || addressB is null ? 0.3 : Dice(addressA, addressB);
        }
        return new Score(Math.Round(0.6 * text + 0.4 * place, 3), Math.Round(text, 3), Math.Round(place, 3), metres is { } m ? Math.Round(m) : null);
    }

    public static double Dice(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        var common = x.Count(y.Contains);
        return 2.0 * common / (x.Count + y.Count);
    }

    private static HashSet<string> Bigrams(string s)
    {
        // Punctuation and spaces carry no meaning for similarity.
        var chars = s.Where(char.IsLetterOrDigit).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++) set.Add(new string(chars, i, 2));
        return set;
    }

    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Sqrt(h));
    }
}
