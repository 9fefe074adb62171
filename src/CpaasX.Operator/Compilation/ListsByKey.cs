namespace CpaasX.Operator.Compilation;

/// <summary>Dictionaries that hold a list of items per key, as the compile indexes group them.</summary>
internal static class ListsByKey
{
    /// <summary>Appends <paramref name="item"/> to the list of <paramref name="key"/>, starting that list when it is the first.</summary>
    public static void AddToList<TKey, T>(this Dictionary<TKey, List<T>> lists, TKey key, T item)
        where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var items))
        {
            lists[key] = items = [];
        }

        items.Add(item);
    }
}
