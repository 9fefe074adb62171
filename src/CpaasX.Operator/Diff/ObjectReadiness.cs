namespace CpaasX.Operator.Diff;

/// <summary>An object's Ready condition as compile gives it: status (<c>True</c>/<c>False</c>), reason and message.</summary>
public sealed record ObjectReadiness(string Status, string Reason, string Message);
