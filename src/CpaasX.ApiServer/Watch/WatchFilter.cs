using CpaasX.ApiServer.Selectors;
using CpaasX.ApiServer.Storage;

namespace CpaasX.ApiServer.Watch;

/// <summary>What one list or watch selects: a collection, optionally one namespace, and the label and field selectors.</summary>
internal sealed record WatchFilter(string StorageKey, string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    public bool Matches(StoredObject obj) =>
        (Namespace is null || obj.Namespace == Namespace) && Fields.Matches(obj) && Labels.Matches(obj.Labels());
}
