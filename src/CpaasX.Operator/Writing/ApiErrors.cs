using System.Net;

using k8s.Autorest;

namespace CpaasX.Operator.Writing;

/// <summary>Tells the API answers the writer reacts to apart from real failures.</summary>
internal static class ApiErrors
{
    public static bool IsConflict(Exception error) => StatusOf(error) == HttpStatusCode.Conflict;

    public static bool IsNotFound(Exception error) => StatusOf(error) == HttpStatusCode.NotFound;

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
