using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer.Http;

/// <summary>Writes JSON answers; stored objects go out as their already serialised bytes.</summary>
internal static class JsonResponses
{
    public const string JsonContentType = "application/json";

    public static Task Write(HttpContext context, int code, JsonNode body, IReadOnlyList<string>? warnings = null) =>
        WriteBytes(context, code, JsonSerializer.SerializeToUtf8Bytes(body), warnings);

    public static async Task WriteBytes(HttpContext context, int code, byte[] body, IReadOnlyList<string>? warnings = null)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = JsonContentType;
        foreach (var warning in warnings ?? [])
        {
            // RFC 7234 warn-code 299 is how kube-apiserver passes warnings; kubectl prints them.
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "'", StringComparison.Ordinal)}\"");
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task WriteError(HttpContext context, ApiException error)
    {
        if (error.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Write(context, error.Code, error.ToStatus());
    }
}
