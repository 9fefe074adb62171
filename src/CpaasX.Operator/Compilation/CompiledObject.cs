using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>What compile wants one object to look like.</summary>
/// <param name="Object">The object as it was observed (its status is the observed status).</param>
/// <param name="DesiredStatus">The status it should have; equal to the observed one when nothing changed.</param>
/// <param name="KeepsFinalizer">
/// For the protected kinds (Application, Entity, Resource): whether the in-use-protection finalizer should be on the
/// object (true while it is not deleting, or deleting but still referenced). Null for the other kinds.
/// </param>
/// <param name="Referrers">While the object is referenced: the referrers as <c>Kind/name</c>, sorted.</param>
public sealed record CompiledObject(
    ICustomResource Object,
    CustomResourceStatus DesiredStatus,
    bool? KeepsFinalizer,
    IReadOnlyList<string> Referrers);
