using System.Text.Json.Nodes;

using Cel;

using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Resources;
using CpaasX.ApiServer.Storage;

namespace CpaasX.ApiServer.Admission;

/// <summary>
/// Enforces the stored ValidatingAdmissionPolicies (admissionregistration.k8s.io/v1) through their bindings with the
/// Deny action, on every write, as kube-apiserver does: matchConstraints.resourceRules, matchConditions, variables and
/// validations, evaluated with the Cel package over <c>object</c>, <c>oldObject</c>, <c>request</c> and
/// <c>variables</c>. Not evaluated: params, namespace and object selectors, the bindings' matchResources, audit
/// annotations; the Warn and Audit actions.
/// </summary>
internal sealed class PolicyAdmission(ObjectStore store)
{
    private readonly CelRuleEvaluator _cel = new();

    /// <summary>Throws the Status a real server answers when a bound policy denies <paramref name="request"/>.</summary>
    public void Check(AdmissionRequest request)
    {
        foreach (var binding in store.All(BuiltInResources.ValidatingAdmissionPolicyBindings.QualifiedName, ""))
        {
            var spec = binding.Value["spec"] as JsonObject;
            if (spec?["validationActions"] is not JsonArray actions || !actions.Any(action => action?.ToString() == "Deny")
                || store.Get(BuiltInResources.ValidatingAdmissionPolicies.QualifiedName, "", spec["policyName"]?.ToString() ?? "") is not { } policy)
            {
                continue;
            }

            Check(request, policy.Name, policy.Value["spec"] as JsonObject ?? [], binding.Name);
        }
    }

    private void Check(AdmissionRequest request, string policyName, JsonObject policy, string bindingName)
    {
        if (!Matches(policy["matchConstraints"]?["resourceRules"] as JsonArray, request))
        {
            return;
        }

        var failClosed = policy["failurePolicy"]?.ToString() != "Ignore";
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["object"] = CelValues.From(request.Object),
            ["oldObject"] = CelValues.From(request.OldObject),
            ["request"] = request.ToCel(),
        };
        try
        {
            foreach (var condition in Entries(policy, "matchConditions"))
            {
                if (_cel.Value(condition["expression"]!.ToString(), values) is not true)
                {
                    return;
                }
            }

            var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
            values["variables"] = variables;
            foreach (var variable in Entries(policy, "variables"))
            {
                variables[variable["name"]!.ToString()] = _cel.Value(variable["expression"]!.ToString(), values);
            }

            foreach (var validation in Entries(policy, "validations"))
            {
                var expression = validation["expression"]!.ToString();
                if (_cel.Value(expression, values) is not true)
                {
                    throw Denied(request, policyName, bindingName, validation["reason"]?.ToString(), Message(validation, expression, values));
                }
            }
        }
        catch (Exception error) when (error is CelException or InvalidOperationException && failClosed)
        {
            throw Denied(request, policyName, bindingName, null, $"expression could not be evaluated: {error.Message}");
        }
        catch (Exception error) when (error is CelException or InvalidOperationException)
        {
            // failurePolicy Ignore: a policy that cannot be evaluated lets the write through.
        }
    }

    private string Message(JsonObject validation, string expression, Dictionary<string, object?> values)
    {
        if (validation["messageExpression"]?.ToString() is { } messageExpression
            && _cel.Value(messageExpression, values) is string message && message.Length > 0)
        {
            return message;
        }

        return validation["message"]?.ToString() ?? $"failed expression: {expression}";
    }

    private static bool Matches(JsonArray? rules, AdmissionRequest request) =>
        rules?.OfType<JsonObject>().Any(rule =>
            Lists(rule, "apiGroups", request.Resource.Type.Group)
            && Lists(rule, "apiVersions", request.Resource.Type.Version)
            && Lists(rule, "operations", request.Operation)
            && Lists(rule, "resources", request.Resource.Resource)) ?? false;

    private static bool Lists(JsonObject rule, string field, string value) =>
        rule[field] is JsonArray values && values.Any(entry => entry?.ToString() is { } listed && (listed == "*" || listed == value));

    private static IEnumerable<JsonObject> Entries(JsonObject policy, string field) =>
        (policy[field] as JsonArray)?.OfType<JsonObject>() ?? [];

    /// <summary>kube-apiserver's wording; the validation's reason picks the code (Invalid, 422, unless it says otherwise).</summary>
    private static ApiException Denied(AdmissionRequest request, string policyName, string bindingName, string? reason, string message)
    {
        var (code, status, verdict) = reason switch
        {
            "Forbidden" => (403, "Forbidden", "is forbidden"),
            "Unauthorized" => (401, "Unauthorized", "is unauthorized"),
            "RequestEntityTooLarge" => (413, "RequestEntityTooLarge", "is too large"),
            _ => (422, "Invalid", "is invalid"),
        };
        var type = request.Resource.Type;
        return new ApiException(code, status,
            $"{type.QualifiedName} \"{request.Name}\" {verdict}: ValidatingAdmissionPolicy '{policyName}' with binding '{bindingName}' denied request: {message}",
            ApiErrors.Details(type, request.Name));
    }
}
