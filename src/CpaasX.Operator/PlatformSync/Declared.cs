namespace CpaasX.Operator.PlatformSync;

/// <summary>A platform object the namespace declares, with the object declaring it (<c>Kind/name</c>).</summary>
public sealed record Declared<T>(T Value, string Owner);
