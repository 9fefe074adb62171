namespace CpaasX.Operator.Api.Markers;

/// <summary>
/// How the API server merges and de-duplicates a list (<c>x-kubernetes-list-type</c>):
/// a <c>set</c> holds unique scalars, a <c>map</c> holds objects unique by <see cref="MapKeys"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListKindAttribute(string listType, params string[] mapKeys) : Attribute
{
    public const string Set = "set";
    public const string Map = "map";

    public string ListType { get; } = listType;

    public IReadOnlyList<string> MapKeys { get; } = mapKeys;
}
