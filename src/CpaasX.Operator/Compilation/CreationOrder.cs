using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// Who wins a duplicate or a conflict: the oldest creationTimestamp, then the namespace, then the name (ordinal).
/// An object without a creationTimestamp counts as the newest, so it never displaces one the API server dated.
/// </summary>
public sealed class CreationOrder : IComparer<ICustomResource>
{
    public static CreationOrder Instance { get; } = new();

    public static int Compare(DateTime? leftCreated, string? leftNamespace, string? leftName, DateTime? rightCreated, string? rightNamespace, string? rightName)
    {
        var byTime = (leftCreated ?? DateTime.MaxValue).CompareTo(rightCreated ?? DateTime.MaxValue);
        if (byTime != 0)
        {
            return byTime;
        }

        var byNamespace = string.CompareOrdinal(leftNamespace ?? "", rightNamespace ?? "");
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(leftName ?? "", rightName ?? "");
    }

    public int Compare(ICustomResource? x, ICustomResource? y) => Compare(
        x?.Metadata?.CreationTimestamp, x?.Metadata?.NamespaceProperty, x?.Metadata?.Name,
        y?.Metadata?.CreationTimestamp, y?.Metadata?.NamespaceProperty, y?.Metadata?.Name);
}
