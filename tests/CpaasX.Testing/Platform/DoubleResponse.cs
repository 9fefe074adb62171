using System.Text.Json.Nodes;

namespace CpaasX.Testing.Platform;

/// <summary>What an operation of the double answers: a status and, when the spec declares one, a JSON body.</summary>
internal sealed record DoubleResponse(int Status, JsonNode? Body = null)
{
    /// <summary>An error answer in the error shape <paramref name="operation"/>'s specification declares.</summary>
    public static DoubleResponse Error(ContractOperation operation, int status, string text, IReadOnlyDictionary<string, string[]>? validation = null)
    {
        if (operation.Declares(status) && operation.ResponseSchema(status) is null)
        {
            // Declared without a body (the numbers and inbound configuration APIs' 404).
            return new DoubleResponse(status);
        }

        var code = status switch
        {
            400 => "BAD_REQUEST",
            401 => "UNAUTHORIZED",
            403 => "FORBIDDEN",
            404 => "NOT_FOUND",
            409 => "CONFLICT",
            429 => "TOO_MANY_REQUESTS",
            _ => "GENERAL_ERROR",
        };
        return new DoubleResponse(status, UsesApiError(operation)
            ? new JsonObject
            {
                ["errorCode"] = $"E{status}",
                ["description"] = text,
                ["action"] = "Check the request.",
                ["violations"] = new JsonArray([.. (validation ?? new Dictionary<string, string[]>())
                    .SelectMany(field => field.Value.Select(message => (JsonNode)new JsonObject { ["property"] = field.Key, ["violation"] = message }))]),
                ["resources"] = new JsonArray(),
            }
            : new JsonObject { ["requestError"] = new JsonObject { ["serviceException"] = ServiceException(code, text, validation) } });
    }

    private static JsonObject ServiceException(string code, string text, IReadOnlyDictionary<string, string[]>? validation)
    {
        JsonObject details = new() { ["messageId"] = code, ["text"] = text };
        if (validation is not null)
        {
            details["validationErrors"] = new JsonObject(validation.Select(field =>
                KeyValuePair.Create(field.Key, (JsonNode?)new JsonArray([.. field.Value.Select(message => (JsonNode)message)]))));
        }

        return details;
    }

    // The sending strategy API answers errors as ApiError; provisioning, numbers and resource management as ApiException.
    private static bool UsesApiError(ContractOperation operation) =>
        operation.ResponseSchema(401)?["$ref"]?.GetValue<string>().EndsWith("/ApiError", StringComparison.Ordinal) == true;
}
