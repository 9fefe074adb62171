using System.Text.Json.Nodes;

using CpaasX.ApiServer.Resources;

namespace CpaasX.ApiServer.Admission;

/// <summary>
/// A write as ValidatingAdmissionPolicies see it: the operation (CREATE, UPDATE, DELETE), the resource, the user, the
/// object proposed (none on DELETE) and the one stored before (none on CREATE).
/// </summary>
internal sealed record AdmissionRequest(string Operation, ResourceRequest Resource, string UserName, JsonObject? Object, JsonObject? OldObject)
{
    public string Name => Resource.Name ?? Object?["metadata"]?["name"]?.ToString() ?? "";

    /// <summary>CEL's <c>request</c>: the fields of admission.k8s.io/v1 AdmissionRequest that policies read.</summary>
    public Dictionary<string, object?> ToCel() => new(StringComparer.Ordinal)
    {
        ["operation"] = Operation,
        ["name"] = Name,
        ["namespace"] = Resource.Namespace ?? "",
        ["subResource"] = Resource.Subresource ?? "",
        ["dryRun"] = false,
        ["userInfo"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["username"] = UserName, ["groups"] = new List<object?>() },
        ["kind"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["group"] = Resource.Type.Group,
            ["version"] = Resource.Type.Version,
            ["kind"] = Resource.Type.Kind,
        },
        ["resource"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["group"] = Resource.Type.Group,
            ["version"] = Resource.Type.Version,
            ["resource"] = Resource.Type.Plural,
        },
    };
}
