using System.Text.Json.Nodes;

namespace CpaasX.ApiServer.Errors;

/// <summary>A request that ends in a Kubernetes <c>Status</c> failure body.</summary>
internal sealed class ApiException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;
    public string Reason { get; } = reason;
    public JsonObject? Details { get; } = details;

    /// <summary>Sent as Retry-After, for 429 answers.</summary>
    public int? RetryAfterSeconds { get; init; }

    public JsonObject ToStatus() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message,
        ["reason"] = Reason,
        ["details"] = Details?.DeepClone(),
        ["code"] = Code,
    };
}
