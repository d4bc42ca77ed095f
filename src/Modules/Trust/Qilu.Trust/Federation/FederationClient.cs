using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Qilu.Trust.Certificates;

namespace Qilu.Trust.Federation;

/// <summary>
/// Calls a peer platform: client-credentials token with the <c>trust.federation</c> scope from the peer's OpenID
/// provider, the certificate request, and the peer's published CA chain. Transport only; the caller verifies.
/// </summary>
internal sealed class FederationClient(IHttpClientFactory factory)
{
    public const string HttpClientName = "qilu-federation";

    public sealed record Answer(HttpStatusCode Status, ServeFederatedCertificate.Response? Body, string? Problem, string? ChainPem);

    public async Task<Answer> RequestAsync(FederationPeer peer, ServeFederatedCertificate.Request request, CancellationToken ct)
    {
        using var http = factory.CreateClient(HttpClientName);
        var root = new Uri(peer.BaseUrl.TrimEnd('/') + "/");
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(root, "connect/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = peer.ClientId, ["client_secret"] = peer.ClientSecret,
                ["scope"] = FederationScope.Name,
            }),
        };
        using var tokenResponse = await http.SendAsync(tokenRequest, ct);
        if (!tokenResponse.IsSuccessStatusCode)
            return new Answer(tokenResponse.StatusCode, null, "token: " + await tokenResponse.Content.ReadAsStringAsync(ct), null);
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(ct));
        var accessToken = token.RootElement.GetProperty("access_token").GetString();

        using var call = new HttpRequestMessage(HttpMethod.Post, new Uri(root, "api/trust/federation/certificates"))
        {
            Content = JsonContent.Create(request, options: TrustJson.Options),
        };
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(call, ct);
        if (!response.IsSuccessStatusCode)
            return new Answer(response.StatusCode, null, await response.Content.ReadAsStringAsync(ct), null);
        var body = await response.Content.ReadFromJsonAsync<ServeFederatedCertificate.Response>(TrustJson.Options, ct);
        // The chain comes from the peer's public endpoint (the answer names it); a pinned root fingerprint, when configured,
        // is what makes this fetch safe against a peer impersonator.
        var chain = await http.GetStringAsync(new Uri(root, "api/trust/ca/chain.pem"), ct);
        return new Answer(response.StatusCode, body, null, chain);
    }
}
