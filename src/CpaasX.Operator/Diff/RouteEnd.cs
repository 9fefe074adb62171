namespace CpaasX.Operator.Diff;

/// <summary>Who receives an inbound route: the application and entity (the object that set it does not change traffic).</summary>
public sealed record RouteEnd(string ApplicationId, string? EntityId);
