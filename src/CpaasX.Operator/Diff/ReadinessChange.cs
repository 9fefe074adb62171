namespace CpaasX.Operator.Diff;

/// <summary>An object whose Ready status or reason differs; <paramref name="From"/> or <paramref name="To"/> is null where the object is absent.</summary>
public sealed record ReadinessChange(string Kind, string Name, ObjectReadiness? From, ObjectReadiness? To);
