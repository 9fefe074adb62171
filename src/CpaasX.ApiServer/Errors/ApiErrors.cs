using System.Text.Json.Nodes;

using CpaasX.ApiServer.Resources;

namespace CpaasX.ApiServer.Errors;

/// <summary>The Status failures this server answers, with kube-apiserver's reasons, codes and wording.</summary>
internal static class ApiErrors
{
    public static ApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedName} \"{name}\" not found", Details(type, name));

    public static ApiException NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", Details(BuiltInResources.Namespaces, ns));

    public static ApiException PathNotFound() => new(404, "NotFound", "the server could not find the requested resource");

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedName} \"{name}\" already exists", Details(type, name));

    public static ApiException Conflict(ResourceType type, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {type.QualifiedName} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Details(type, name));

    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<FieldCause> causes)
    {
        var list = causes.Count == 1 ? causes[0].ToString() : $"[{string.Join(", ", causes)}]";
        var details = new JsonObject
        {
            ["name"] = name,
            ["group"] = type.Group,
            ["kind"] = type.Kind,
            ["causes"] = new JsonArray([.. causes.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = c.Reason,
                ["message"] = c.Message,
                ["field"] = c.Field,
            })]),
        };
        return new ApiException(422, "Invalid", $"{type.QualifiedKind} \"{name}\" is invalid: {list}", details);
    }

    /// <summary>A create in a namespace being deleted, with kube-apiserver's NamespaceTerminating cause.</summary>
    public static ApiException NamespaceTerminating(ResourceType type, string name, string ns)
    {
        var details = Details(type, name);
        details["causes"] = new JsonArray(new JsonObject
        {
            ["reason"] = "NamespaceTerminating",
            ["message"] = $"namespace {ns} is being terminated",
            ["field"] = "metadata.namespace",
        });
        return new ApiException(403, "Forbidden", $"{type.QualifiedName} \"{name}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated", details);
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>No token or an unknown one: kube-apiserver's bare 401.</summary>
    public static ApiException Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    /// <summary>What RBAC answers a user without the right, in kube-apiserver's wording.</summary>
    public static ApiException Forbidden(string userName, string verb, ResourceRequest request)
    {
        var subject = request.Name is null ? request.Type.QualifiedName : $"{request.Type.QualifiedName} \"{request.Name}\"";
        var scope = request.Namespace is null ? "at the cluster scope" : $"in the namespace \"{request.Namespace}\"";
        return new(403, "Forbidden",
            $"{subject} is forbidden: User \"{userName}\" cannot {verb} resource \"{request.Resource}\" in API group \"{request.Type.Group}\" {scope}",
            Details(request.Type, request.Name ?? ""));
    }

    /// <summary>A request for this server under another host name: a web page's script (DNS rebinding) must not reach it.</summary>
    public static ApiException HostNotAllowed(string host) =>
        new(400, "BadRequest", $"the Host header \"{host}\" is not a loopback address; this server answers only requests to 127.0.0.1, localhost or [::1]");

    public static ApiException Expired(string message) => new(410, "Expired", message);

    public static ApiException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got {(contentType.Length == 0 ? "no Content-Type" : contentType)})");

    public static ApiException MethodNotAllowed() => new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");

    public static JsonObject Details(ResourceType type, string name) => new()
    {
        ["name"] = name,
        ["group"] = type.Group,
        ["kind"] = type.Plural,
    };
}
