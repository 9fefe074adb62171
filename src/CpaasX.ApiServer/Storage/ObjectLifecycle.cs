using System.Globalization;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Admission;
using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Faults;
using CpaasX.ApiServer.Resources;

namespace CpaasX.ApiServer.Storage;

/// <summary>
/// The object rules of kube-apiserver, in one place: resourceVersion preconditions, generation, the status subresource,
/// finalizers and deletionTimestamp, and the teardown of namespaces and CRDs. Each operation runs atomically on the store.
/// </summary>
internal sealed class ObjectLifecycle(ObjectStore store, ResourceRegistry registry, SchemaAdmission admission, FaultInjection faults, TimeProvider clock)
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const string Status = "status";
    private static readonly string NamespacesKey = BuiltInResources.Namespaces.QualifiedName;
    private static readonly string CrdsKey = BuiltInResources.CustomResourceDefinitions.QualifiedName;

    public WriteResult Create(ResourceType type, string ns, JsonObject body, bool strict) => store.Atomically(() =>
    {
        CheckKind(type, body);
        var metadata = body["metadata"] as JsonObject ?? [];
        body["metadata"] = metadata;
        body["apiVersion"] = type.ApiVersion;
        body["kind"] = type.Kind;
        if (type.Namespaced)
        {
            CheckNamespace(type, ns, metadata);
        }
        else
        {
            metadata.Remove("namespace");
        }

        var name = metadata["name"]?.ToString();
        if (string.IsNullOrEmpty(name))
        {
            var prefix = metadata["generateName"]?.ToString();
            if (string.IsNullOrEmpty(prefix))
            {
                throw ApiErrors.Invalid(type, "", [new FieldCause("FieldValueRequired", "Required value: name or generateName is required", "metadata.name")]);
            }

            name = prefix + string.Concat(Enumerable.Range(0, 5).Select(_ => GenerateNameAlphabet[Random.Shared.Next(GenerateNameAlphabet.Length)]));
            metadata["name"] = name;
        }

        if (store.Get(type.QualifiedName, ns, name) is not null)
        {
            throw ApiErrors.AlreadyExists(type, name);
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Now();
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata.Remove("resourceVersion");
        if (type.TracksGeneration)
        {
            metadata["generation"] = 1;
        }

        if (type.HasStatusSubresource)
        {
            body.Remove(Status);
        }

        var warnings = type.IsCustom && !faults.SkipSchemaValidation ? admission.Admit(type, body, null, strict) : [];
        BuiltInDefaults.Apply(type, body);
        if (type == BuiltInResources.CustomResourceDefinitions)
        {
            RuleCostEstimator.Check(type, body);
            var served = CrdReader.ServedTypes(body);
            body[Status] = CrdReader.EstablishedStatus(body, Now());
            registry.Replace(served[0].Group, served[0].Plural, served);
        }

        return new WriteResult(store.Put(type.QualifiedName, body, null), false, warnings);
    });

    /// <summary>A PUT: the body replaces the object (or its status, for the status subresource).</summary>
    public WriteResult Update(ResourceType type, string ns, string name, JsonObject body, string? subresource, bool strict) => store.Atomically(() =>
    {
        var current = Existing(type, ns, name);
        var bodyVersion = body["metadata"]?["resourceVersion"]?.ToString();
        if (string.IsNullOrEmpty(bodyVersion) && type.IsCustom)
        {
            throw ApiErrors.Invalid(type, name, [new FieldCause("FieldValueInvalid", "Invalid value: 0x0: must be specified for an update", "metadata.resourceVersion")]);
        }

        return Replace(type, current, body, subresource, strict);
    });

    /// <summary>A PATCH: <paramref name="patch"/> turns the current object into the proposed one.</summary>
    public WriteResult Patch(ResourceType type, string ns, string name, Func<JsonObject, JsonObject> patch, string? subresource, bool strict) => store.Atomically(() =>
    {
        var current = Existing(type, ns, name);
        var proposed = patch(current.CloneValue());
        if (proposed["metadata"] is not JsonObject metadata)
        {
            throw ApiErrors.BadRequest("the patch removed metadata");
        }

        // A resourceVersion left in the patch is a precondition; none means "whatever is stored".
        metadata["resourceVersion"] ??= current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        return Replace(type, current, proposed, subresource, strict);
    });

    public WriteResult Delete(ResourceType type, string ns, string name) => store.Atomically(() =>
    {
        var current = Existing(type, ns, name);
        if (current.Metadata["deletionTimestamp"] is not null)
        {
            return new WriteResult(current, false, []);
        }

        var content = type == BuiltInResources.Namespaces ? store.InNamespace(name)
            : type == BuiltInResources.CustomResourceDefinitions ? [.. store.All(name, null).Select(o => (name, o))]
            : [];
        if (content.Count == 0 && Finalizers(current.Value).Count == 0)
        {
            return Remove(type.QualifiedName, current);
        }

        var deleting = current.CloneValue();
        deleting["metadata"]!["deletionTimestamp"] = Now();
        deleting["metadata"]!["deletionGracePeriodSeconds"] = 0;
        if (type == BuiltInResources.Namespaces)
        {
            deleting[Status] = new JsonObject { ["phase"] = "Terminating" };
        }

        var marked = store.Put(type.QualifiedName, deleting, current);
        foreach (var (storageKey, obj) in content)
        {
            DeleteContent(storageKey, obj);
        }

        return new WriteResult(store.Get(type.QualifiedName, ns, name) ?? marked, false, []);
    });

    private WriteResult Replace(ResourceType type, StoredObject current, JsonObject proposed, string? subresource, bool strict)
    {
        var name = current.Name;
        if (proposed["metadata"]?["name"]?.ToString() is { } bodyName && bodyName != name)
        {
            throw ApiErrors.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        var proposedVersion = proposed["metadata"]?["resourceVersion"]?.ToString();
        if (!string.IsNullOrEmpty(proposedVersion) && proposedVersion != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw ApiErrors.Conflict(type, name);
        }

        var next = subresource == Status ? WithStatusOf(current, proposed) : WithSpecOf(type, current, proposed);
        var added = Finalizers(next).Except(Finalizers(current.Value)).ToList();
        if (current.Metadata["deletionTimestamp"] is not null && added.Count > 0)
        {
            var found = string.Join(", ", added.Select(f => $"\"{f}\""));
            throw ApiErrors.Invalid(type, name, [new FieldCause("FieldValueForbidden", $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{found}}}", "metadata.finalizers")]);
        }

        var warnings = type.IsCustom && !faults.SkipSchemaValidation ? admission.Admit(type, next, current.Value, strict) : [];
        if (type.TracksGeneration && subresource != Status && !JsonNode.DeepEquals(Body(next), Body(current.Value)))
        {
            next["metadata"]!["generation"] = (current.Metadata["generation"]?.GetValue<long>() ?? 0) + 1;
        }

        next["metadata"]!["resourceVersion"] = current.Metadata["resourceVersion"]?.DeepClone();
        if (JsonNode.DeepEquals(next, current.Value))
        {
            return new WriteResult(current, false, warnings);
        }

        if (current.Metadata["deletionTimestamp"] is not null && Finalizers(next).Count == 0 && !HasContent(type, current))
        {
            return Remove(type.QualifiedName, current) with { Warnings = warnings };
        }

        if (type == BuiltInResources.CustomResourceDefinitions && subresource != Status)
        {
            RuleCostEstimator.Check(type, next);
            var served = CrdReader.ServedTypes(next);
            registry.Replace(served[0].Group, served[0].Plural, served);
        }

        return new WriteResult(store.Put(type.QualifiedName, next, current), false, warnings);
    }

    /// <summary>The status subresource takes only status; everything else stays as stored.</summary>
    private static JsonObject WithStatusOf(StoredObject current, JsonObject proposed)
    {
        var next = current.CloneValue();
        if (proposed[Status] is { } status)
        {
            next[Status] = status.DeepClone();
        }
        else
        {
            next.Remove(Status);
        }

        return next;
    }

    /// <summary>The main resource takes everything but the server-owned metadata, and status when a subresource owns it.</summary>
    private static JsonObject WithSpecOf(ResourceType type, StoredObject current, JsonObject proposed)
    {
        var next = (JsonObject)proposed.DeepClone();
        next["apiVersion"] = type.ApiVersion;
        next["kind"] = type.Kind;
        var metadata = next["metadata"] as JsonObject ?? [];
        next["metadata"] = metadata;
        foreach (var kept in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            metadata.Remove(kept);
            if (current.Metadata[kept] is { } value)
            {
                metadata[kept] = value.DeepClone();
            }
        }

        if (type.HasStatusSubresource)
        {
            next.Remove(Status);
            if (current.Value[Status] is { } status)
            {
                next[Status] = status.DeepClone();
            }
        }

        return next;
    }

    private void DeleteContent(string storageKey, StoredObject obj)
    {
        if (obj.Metadata["deletionTimestamp"] is not null)
        {
            return;
        }

        if (Finalizers(obj.Value).Count == 0)
        {
            Remove(storageKey, obj);
            return;
        }

        var deleting = obj.CloneValue();
        deleting["metadata"]!["deletionTimestamp"] = Now();
        deleting["metadata"]!["deletionGracePeriodSeconds"] = 0;
        store.Put(storageKey, deleting, obj);
    }

    /// <summary>Removes the object, then finishes a namespace or CRD teardown that was only waiting for it.</summary>
    private WriteResult Remove(string storageKey, StoredObject current)
    {
        var last = store.Remove(storageKey, current);
        if (storageKey == CrdsKey)
        {
            var crd = current.Value;
            registry.Replace(crd["spec"]!["group"]!.ToString(), crd["spec"]!["names"]!["plural"]!.ToString(), []);
        }

        if (current.Namespace.Length > 0 && store.Get(NamespacesKey, "", current.Namespace) is { } ns
            && ns.Metadata["deletionTimestamp"] is not null && Finalizers(ns.Value).Count == 0 && store.InNamespace(current.Namespace).Count == 0)
        {
            store.Remove(NamespacesKey, ns);
        }

        if (store.Get(CrdsKey, "", storageKey) is { } owner && owner.Metadata["deletionTimestamp"] is not null
            && Finalizers(owner.Value).Count == 0 && store.All(storageKey, null).Count == 0)
        {
            Remove(CrdsKey, owner);
        }

        return new WriteResult(last, true, []);
    }

    private bool HasContent(ResourceType type, StoredObject obj) =>
        (type == BuiltInResources.Namespaces && store.InNamespace(obj.Name).Count > 0)
        || (type == BuiltInResources.CustomResourceDefinitions && store.All(obj.Name, null).Count > 0);

    private StoredObject Existing(ResourceType type, string ns, string name) =>
        store.Get(type.QualifiedName, ns, name) ?? throw ApiErrors.NotFound(type, name);

    private void CheckNamespace(ResourceType type, string ns, JsonObject metadata)
    {
        if (metadata["namespace"]?.ToString() is { Length: > 0 } bodyNamespace && bodyNamespace != ns)
        {
            throw ApiErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = ns;
        var owner = store.Get(NamespacesKey, "", ns) ?? throw ApiErrors.NamespaceNotFound(ns);
        if (owner.Metadata["deletionTimestamp"] is not null)
        {
            throw ApiErrors.NamespaceTerminating(type, metadata["name"]?.ToString() ?? "", ns);
        }
    }

    private static void CheckKind(ResourceType type, JsonObject body)
    {
        if (body["kind"]?.ToString() is { Length: > 0 } kind && kind != type.Kind)
        {
            throw ApiErrors.BadRequest($"the kind of the provided object ({kind}) does not match the resource ({type.Kind})");
        }
    }

    /// <summary>What generation counts: everything outside metadata and status.</summary>
    private static JsonObject Body(JsonObject obj)
    {
        var body = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is not ("metadata" or Status or "apiVersion" or "kind"))
            {
                body[key] = value?.DeepClone();
            }
        }

        return body;
    }

    private static List<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray list ? [.. list.Select(f => f?.ToString() ?? "")] : [];

    private string Now() => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
