using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.Operator.Api;
using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Compilation;
using CpaasX.Operator.Observability;
using CpaasX.Operator.Runtime.Client;

using k8s.Models;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CpaasX.Operator.Writing;

/// <summary>
/// Writes one compiled object's status (through the status subresource) and its in-use-protection finalizer, each
/// only when it differs from what was observed, each with a resourceVersion as precondition so a stale view never
/// overwrites a newer one (the API answers 409 instead). A write the API refuses (400, 422) stays that object's problem:
/// it is logged with the API's message, counted, recorded as a Warning Event on the object, and answered
/// <see cref="WriteOutcome.Rejected"/> so that the namespace's other writes go on.
/// </summary>
public sealed class CustomObjectWriter(ApiHttp api, OperatorMetrics metrics, EventRecorder? events = null, ILogger? logger = null)
{
    /// <summary>The reason of the Event recorded on an object whose status or finalizer write the API refused.</summary>
    public const string WriteRefusedReason = "WriteRefused";

    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    private const string JsonContentType = "application/json";
    private const string MergePatchContentType = "application/merge-patch+json";

    /// <summary>
    /// Writes the desired status when it differs; returns the resourceVersion the object has after it (the observed
    /// one when nothing was written), the precondition of a finalizer write that follows.
    /// </summary>
    public async Task<(WriteOutcome Outcome, string? ResourceVersion)> WriteStatusAsync(CompiledObject compiled, CancellationToken cancellationToken)
    {
        var observed = compiled.Object;
        var desired = StatusEquality.ToJson(compiled.DesiredStatus);
        if (StatusEquality.Matches(observed.StatusObject, desired))
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
            ["status"] = desired,
        };
        return await SendAsync(observed, HttpMethod.Put, "/status", body, JsonContentType, WriteKinds.Status, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds or removes <see cref="InUseProtection.Finalizer"/> on <paramref name="observed"/> as
    /// <paramref name="keepsFinalizer"/> says (null leaves the object alone), on condition that the object is still
    /// at <paramref name="resourceVersion"/>: the finalizer list written is the observed one, changed by ours only.
    /// </summary>
    public Task<WriteOutcome> WriteFinalizerAsync(ICustomResource observed, string? resourceVersion, bool? keepsFinalizer, CancellationToken cancellationToken) =>
        WriteFinalizerAsync(observed, InUseProtection.Finalizer, resourceVersion, keepsFinalizer, cancellationToken);

    /// <summary>As above, for any one of the operator's finalizers (the platform sync has its own).</summary>
    public async Task<WriteOutcome> WriteFinalizerAsync(ICustomResource observed, string finalizer, string? resourceVersion, bool? keepsFinalizer, CancellationToken cancellationToken)
    {
        var finalizers = observed.Metadata.Finalizers ?? [];
        var present = finalizers.Contains(finalizer);
        if (keepsFinalizer is null || keepsFinalizer == present)
        {
            return WriteOutcome.Unchanged;
        }

        IReadOnlyList<string> wanted = keepsFinalizer.Value
            ? [.. finalizers, finalizer]
            : [.. finalizers.Where(other => other != finalizer)];
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = resourceVersion,
                ["finalizers"] = new JsonArray([.. wanted.Select(finalizer => JsonValue.Create(finalizer))]),
            },
        };
        var (outcome, _) = await SendAsync(observed, HttpMethod.Patch, string.Empty, patch, MergePatchContentType, WriteKinds.Finalizer, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>
    /// Writes only the conditions of an object that does not decode (a merge patch of <c>status.conditions</c>, on
    /// condition that it is still at its observed resourceVersion): the rest of its status cannot be read, so it stays.
    /// </summary>
    public async Task<WriteOutcome> WriteConditionAsync(CompiledUndecodable compiled, CancellationToken cancellationToken)
    {
        if (compiled.IsUnchanged)
        {
            metrics.WritesSkipped.WithLabels(WriteKinds.Status).Inc();
            return WriteOutcome.Unchanged;
        }

        var target = ObjectReferences.ReferenceTo(compiled.Object);
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = target.ResourceVersion },
            ["status"] = new JsonObject { ["conditions"] = JsonSerializer.SerializeToNode(compiled.Conditions, CpaasxJson.Options) },
        };
        var (outcome, _) = await SendAsync(target, HttpMethod.Patch, "/status", patch, MergePatchContentType, WriteKinds.Status, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Sends one write to the object's URL (plus <paramref name="subresource"/>); of the answer only the new resourceVersion is read, the watch brings the object.</summary>
    private Task<(WriteOutcome Outcome, string? ResourceVersion)> SendAsync(
        ICustomResource observed, HttpMethod method, string subresource, JsonObject body, string contentType, string writeKind, CancellationToken cancellationToken) =>
        SendAsync(ObjectReferences.ReferenceTo(observed, observed.Metadata.ResourceVersion), method, subresource, body, contentType, writeKind, cancellationToken);

    private async Task<(WriteOutcome Outcome, string? ResourceVersion)> SendAsync(
        V1ObjectReference target, HttpMethod method, string subresource, JsonObject body, string contentType, string writeKind, CancellationToken cancellationToken)
    {
        var collection = ObjectReferences.KindOf(target.ApiVersion, target.Kind).ApiResource.CollectionPath(target.NamespaceProperty);
        var path = $"{collection}/{Uri.EscapeDataString(target.Name)}{subresource}";
        try
        {
            using var response = await api.SendAsync(method, path, JsonSerializer.SerializeToUtf8Bytes(body), contentType, cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var _ = answer.ConfigureAwait(false);
            using var written = await JsonDocument.ParseAsync(answer, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (WriteOutcome.Written, written.RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString());
        }
        catch (Exception error) when (ApiErrors.IsConflict(error))
        {
            return (WriteOutcome.Conflict, target.ResourceVersion);
        }
        catch (Exception error) when (ApiErrors.IsNotFound(error))
        {
            return (WriteOutcome.Gone, target.ResourceVersion);
        }
        catch (Exception error) when (ApiErrors.IsRefused(error))
        {
            await ReportRefusalAsync(target, writeKind, ApiErrors.MessageOf(error), cancellationToken).ConfigureAwait(false);
            return (WriteOutcome.Rejected, target.ResourceVersion);
        }
    }

    private async Task ReportRefusalAsync(V1ObjectReference target, string writeKind, string message, CancellationToken cancellationToken)
    {
        metrics.WritesRefused.WithLabels(writeKind).Inc();
        _logger.LogWarning(
            "The API refused the {WriteKind} write of {Kind} {Namespace}/{Name}: {Message}",
            writeKind, target.Kind, target.NamespaceProperty, target.Name, message);
        if (events is not null)
        {
            var planned = new PlannedEvent(PlannedEvent.Warning, WriteRefusedReason, $"The operator's {writeKind} write was refused by the API: {message}");
            await events.RecordAsync(target, planned, cancellationToken).ConfigureAwait(false);
        }
    }
}
