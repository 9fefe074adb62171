using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

using k8s.Autorest;

namespace CpaasX.Operator.Runtime.Client;

/// <summary>Tells the API answers the writer reacts to apart from real failures.</summary>
internal static class ApiErrors
{
    public static bool IsConflict(Exception error) => StatusOf(error) == HttpStatusCode.Conflict;

    public static bool IsNotFound(Exception error) => StatusOf(error) == HttpStatusCode.NotFound;

    /// <summary>A request the caller's identity may not make (403 Forbidden, RBAC).</summary>
    public static bool IsForbidden(Exception error) => StatusOf(error) == HttpStatusCode.Forbidden;

    /// <summary>Any answer of the API server that is not a success (as opposed to a network failure).</summary>
    public static bool IsApiAnswer(Exception error) => StatusOf(error) is not null;

    /// <summary>A write the API refuses for what it carries (400 Bad Request, 422 Invalid): sending it again cannot help.</summary>
    public static bool IsRefused(Exception error) => StatusOf(error) is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity;

    /// <summary>The message of the Status the API answered with; its raw body when that is no Status.</summary>
    public static string MessageOf(Exception error)
    {
        var body = (error as HttpOperationException)?.Response?.Content ?? error.Message;
        try
        {
            return JsonNode.Parse(body)?["message"]?.GetValue<string>() ?? body;
        }
        catch (Exception parse) when (parse is JsonException or InvalidOperationException)
        {
            return body;
        }
    }

    /// <summary>A create refused because an object of that name exists (409 with reason AlreadyExists).</summary>
    public static bool IsAlreadyExists(Exception error) => Says(error, HttpStatusCode.Conflict, "AlreadyExists");

    /// <summary>A create refused because its namespace is being deleted (403 with the cause NamespaceTerminating).</summary>
    public static bool IsNamespaceTerminating(Exception error) => Says(error, HttpStatusCode.Forbidden, "NamespaceTerminating");

    /// <summary>An answer of <paramref name="status"/> whose Status names <paramref name="reason"/> (as its reason or a cause's).</summary>
    private static bool Says(Exception error, HttpStatusCode status, string reason) =>
        StatusOf(error) == status
        && (((HttpOperationException)error).Response.Content ?? string.Empty).Contains($"\"{reason}\"", StringComparison.Ordinal);

    private static HttpStatusCode? StatusOf(Exception error) => (error as HttpOperationException)?.Response?.StatusCode;
}
