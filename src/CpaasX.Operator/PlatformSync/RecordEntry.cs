namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// What the operator knows of one platform object it manages: the object declaring it and whether the operator
/// created it (prune deletes only those) or adopted one that already existed.
/// </summary>
public sealed record RecordEntry(string Owner, bool Created);
