using k8s;
using k8s.Models;

namespace CpaasX.Operator.Runtime.Client;

/// <summary>
/// One event of a watch: a changed object (ADDED, MODIFIED, DELETED with its last state), a BOOKMARK carrying
/// only a resourceVersion, or an ERROR carrying the server's Status. An ADDED, MODIFIED or DELETED whose object does
/// not decode carries its <see cref="UndecodableObject"/> instead of the object.
/// </summary>
public sealed record WatchEvent<T>
    where T : class
{
    private WatchEvent(WatchEventType type, T? obj, string? resourceVersion, V1Status? status, UndecodableObject? undecodable = null)
    {
        Type = type;
        Object = obj;
        ResourceVersion = resourceVersion;
        Status = status;
        Undecodable = undecodable;
    }

    public WatchEventType Type { get; }

    /// <summary>The object of ADDED, MODIFIED and DELETED; null for BOOKMARK and ERROR, and when it did not decode.</summary>
    public T? Object { get; }

    /// <summary>The resourceVersion of a BOOKMARK; null otherwise (changed objects carry their own).</summary>
    public string? ResourceVersion { get; }

    /// <summary>The Status of an ERROR; null otherwise.</summary>
    public V1Status? Status { get; }

    /// <summary>The stand-in of an ADDED, MODIFIED or DELETED object that did not decode; null otherwise.</summary>
    public UndecodableObject? Undecodable { get; }

    /// <summary>True for the ERROR a server sends when the requested resourceVersion is no longer in its window (410 Gone).</summary>
    public bool IsExpired => Type == WatchEventType.Error && Status?.Code == ApiStatusCodes.Gone;

    public static WatchEvent<T> Changed(WatchEventType type, T obj) =>
        type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted
            ? new(type, obj, null, null)
            : throw new ArgumentOutOfRangeException(nameof(type), type, "Only ADDED, MODIFIED and DELETED carry an object.");

    public static WatchEvent<T> Changed(WatchEventType type, UndecodableObject undecodable) =>
        type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted
            ? new(type, null, null, null, undecodable)
            : throw new ArgumentOutOfRangeException(nameof(type), type, "Only ADDED, MODIFIED and DELETED carry an object.");

    public static WatchEvent<T> Bookmark(string resourceVersion) => new(WatchEventType.Bookmark, null, resourceVersion, null);

    public static WatchEvent<T> Error(V1Status status) => new(WatchEventType.Error, null, null, status);
}
