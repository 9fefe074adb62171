using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Observability;

using k8s;
using k8s.Models;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Writes one compiled object's status (through the status subresource) and its in-use-protection finalizer, each
/// only when it differs from what was observed, each with the observed resourceVersion as precondition so a stale
/// view never overwrites a newer one (the API answers 409 instead).
/// </summary>
public sealed class CustomObjectWriter(IKubernetes client, OperatorMetrics metrics)
{
    /// <summary>Writes the desired status when it differs; returns the object as it now is (for the finalizer write).</summary>
    public async Task<(WriteOutcome Outcome, ICustomResource Current)> WriteStatusAsync(CompiledObject compiled, CancellationToken cancellationToken)
    {
        var observed = compiled.Object;
        if (StatusEquality.AreEqual(observed.StatusObject, compiled.DesiredStatus))
        {
            metrics.WritesSkipped.WithLabels(WriteKinds.Status).Inc();
            return (WriteOutcome.Unchanged, observed);
        }

        var kind = ObjectReferences.KindOf(observed);
        var body = JsonSerializer.SerializeToNode(observed, observed.GetType(), CpaasxJson.Options)!.AsObject();
        body["status"] = StatusEquality.ToJson(compiled.DesiredStatus);
        return await SendAsync(
            observed,
            () => client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(
                body, CustomResourceKinds.Group, CustomResourceKinds.Version, observed.Metadata.NamespaceProperty, kind.Plural, observed.Metadata.Name,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Adds or removes <see cref="InUseProtection.Finalizer"/> as <paramref name="keepsFinalizer"/> says; null leaves the object alone.</summary>
    public async Task<WriteOutcome> WriteFinalizerAsync(ICustomResource current, bool? keepsFinalizer, CancellationToken cancellationToken)
    {
        var finalizers = current.Metadata.Finalizers ?? [];
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
                ["resourceVersion"] = current.Metadata.ResourceVersion,
                ["finalizers"] = new JsonArray([.. wanted.Select(finalizer => JsonValue.Create(finalizer))]),
            },
        };
        var kind = ObjectReferences.KindOf(current);
        var (outcome, _) = await SendAsync(
            current,
            () => client.CustomObjects.PatchNamespacedCustomObjectAsync(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                CustomResourceKinds.Group, CustomResourceKinds.Version, current.Metadata.NamespaceProperty, kind.Plural, current.Metadata.Name,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        return outcome;
    }

    private static async Task<(WriteOutcome Outcome, ICustomResource Current)> SendAsync(ICustomResource observed, Func<Task<object>> write)
    {
        try
        {
            var response = (JsonElement)await write().ConfigureAwait(false);
            var written = (ICustomResource)response.Deserialize(observed.GetType(), CpaasxJson.Options)!;
            return (WriteOutcome.Written, written);
        }
        catch (Exception error) when (ApiErrors.IsConflict(error))
        {
            return (WriteOutcome.Conflict, observed);
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return (WriteOutcome.Gone, observed);
        }
    }
}
