using k8s;

namespace CpaasX.Operator.Runtime.Informers;

/// <summary>
/// A change an informer applied to its store: ADDED, MODIFIED, or DELETED with the object's last known state.
/// <paramref name="OldObject"/> is what the store held before (the object replaced or removed); null for ADDED, and
/// for a DELETED of an object the store did not hold.
/// </summary>
public sealed record InformerEvent<T>(WatchEventType Type, T Object, T? OldObject = default);
