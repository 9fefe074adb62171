namespace CpaasX.Operator.Compilation;

/// <summary>One Resource declaring a value: where it lives and when it was created, for picking the oldest.</summary>
public sealed record ResourceDeclaration(string Namespace, string Name, DateTime? CreationTimestamp) : IComparable<ResourceDeclaration>
{
    public int CompareTo(ResourceDeclaration? other) => CreationOrder.Compare(
        CreationTimestamp, Namespace, Name, other?.CreationTimestamp, other?.Namespace, other?.Name);

    public override string ToString() => $"{Namespace}/{Name}";
}
