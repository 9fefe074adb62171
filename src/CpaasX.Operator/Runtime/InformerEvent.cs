using k8s;

namespace CpaasX.Operator.Runtime;

/// <summary>A change an informer applied to its store: ADDED, MODIFIED, or DELETED with the object's last known state.</summary>
public sealed record InformerEvent<T>(WatchEventType Type, T Object);
