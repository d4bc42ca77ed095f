using Microsoft.AspNetCore.Http;

namespace Qilu.Sharing.Gateway;

/// <summary>Writes exactly the bytes the binding hash was computed over, with the given status.</summary>
internal sealed class RawJsonResult(int status, byte[] body, string contentType) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
