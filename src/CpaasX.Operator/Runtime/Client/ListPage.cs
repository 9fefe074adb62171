namespace CpaasX.Operator.Runtime.Client;

/// <summary>
/// One page of a LIST: its items, the stand-ins of the items that did not decode, the list's resourceVersion, and the
/// token of the next page (null on the last).
/// </summary>
internal sealed record ListPage<T>(IReadOnlyList<T> Items, IReadOnlyList<UndecodableObject> Undecodable, string ResourceVersion, string? Continue)
{
    /// <summary>Fetches pages until the last and joins them; the first page's resourceVersion is the list's.</summary>
    public static async Task<ListResult<T>> CollectAsync(Func<string?, Task<ListPage<T>>> fetchPage)
    {
        var first = await fetchPage(null).ConfigureAwait(false);
        var items = new List<T>(first.Items);
        var undecodable = new List<UndecodableObject>(first.Undecodable);
        for (var page = first; !string.IsNullOrEmpty(page.Continue);)
        {
            page = await fetchPage(page.Continue).ConfigureAwait(false);
            items.AddRange(page.Items);
            undecodable.AddRange(page.Undecodable);
        }

        return new ListResult<T>(items, first.ResourceVersion, undecodable);
    }
}
