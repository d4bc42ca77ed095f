namespace Qilu.Testing;

/// <summary>Helpers for the redirects the sign-on flow answers with.</summary>
public static class UriExtensions
{
    /// <summary>The query of a Location header that may be relative.</summary>
    public static string AbsoluteQuery(this Uri location) =>
        (location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location)).Query;
}
