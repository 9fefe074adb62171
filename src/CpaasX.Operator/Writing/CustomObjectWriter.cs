using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Observability;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Writes one compiled object's status (through the status subresource) and its in-use-protection finalizer, each
/// only when it differs from what was observed, each with a resourceVersion as precondition so a stale view never
/// overwrites a newer one (the API answers 409 instead).
/// </summary>
public sealed class CustomObjectWriter(IKubernetes client, OperatorMetrics metrics)
{
    /// <summary>
    /// Writes the desired status when it differs; returns the resourceVersion the object has after it (the observed
    /// one when nothing was written), the precondition of a finalizer write that follows.
    /// </summary>
    public async Task<(WriteOutcome Outcome, string? ResourceVersion)> WriteStatusAsync(CompiledObject compiled, CancellationToken cancellationToken)
    {
        var observed = compiled.Object;
        if (StatusEquality.AreEqual(observed.StatusObject, compiled.DesiredStatus))
        {
            metrics.WritesSkipped.WithLabels(WriteKinds.Status).Inc();
            return (WriteOutcome.Unchanged, observed.Metadata.ResourceVersion);
        }

        // The status subresource takes only status from the body (the API keeps the rest as stored), so the body
        // is the object's identity, its resourceVersion as precondition, and the status: no spec to serialize.
        var body = new JsonObject
        {
            ["apiVersion"] = observed.ApiVersion,
            ["kind"] = observed.Kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = observed.Metadata.Name,
                ["namespace"] = observed.Metadata.NamespaceProperty,
                ["resourceVersion"] = observed.Metadata.ResourceVersion,
            },
            ["status"] = StatusEquality.ToJson(compiled.DesiredStatus),
        };
        var kind = ObjectReferences.KindOf(observed);
        return await SendAsync(
            observed,
            () => client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(
                body, CustomResourceKinds.Group, CustomResourceKinds.Version, observed.Metadata.NamespaceProperty, kind.Plural, observed.Metadata.Name,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds or removes <see cref="InUseProtection.Finalizer"/> on <paramref name="observed"/> as
    /// <paramref name="keepsFinalizer"/> says (null leaves the object alone), on condition that the object is still
    /// at <paramref name="resourceVersion"/>: the finalizer list written is the observed one, changed by ours only.
    /// </summary>
    public async Task<WriteOutcome> WriteFinalizerAsync(ICustomResource observed, string? resourceVersion, bool? keepsFinalizer, CancellationToken cancellationToken)
    {
        var finalizers = observed.Metadata.Finalizers ?? [];
        var present = finalizers.Contains(InUseProtection.Finalizer);
        if (keepsFinalizer is null || keepsFinalizer == present)
        {
            return WriteOutcome.Unchanged;
        }

        IReadOnlyList<string> wanted = keepsFinalizer.Value
            ? [.. finalizers, InUseProtection.Finalizer]
            : [.. finalizers.Where(finalizer => finalizer != InUseProtection.Finalizer)];
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = resourceVersion,
                ["finalizers"] = new JsonArray([.. wanted.Select(finalizer => JsonValue.Create(finalizer))]),
            },
        };
        var kind = ObjectReferences.KindOf(observed);
        var (outcome, _) = await SendAsync(
            observed,
            () => client.CustomObjects.PatchNamespacedCustomObjectAsync(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                CustomResourceKinds.Group, CustomResourceKinds.Version, observed.Metadata.NamespaceProperty, kind.Plural, observed.Metadata.Name,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Sends one write; of the answer only the new resourceVersion is read, the watch brings the object.</summary>
    private static async Task<(WriteOutcome Outcome, string? ResourceVersion)> SendAsync(ICustomResource observed, Func<Task<object>> write)
    {
        try
        {
            var response = (JsonElement)await write().ConfigureAwait(false);
            return (WriteOutcome.Written, response.GetProperty("metadata").GetProperty("resourceVersion").GetString());
        }
        catch (Exception error) when (ApiErrors.IsConflict(error))
        {
            return (WriteOutcome.Conflict, observed.Metadata.ResourceVersion);
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return (WriteOutcome.Gone, observed.Metadata.ResourceVersion);
        }
    }
}
