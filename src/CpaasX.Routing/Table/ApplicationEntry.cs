namespace CpaasX.Routing.Table;

/// <summary>A Ready Application of the namespace; <paramref name="Source"/> names the object, e.g. <c>Application/checkout-prod</c>.</summary>
public sealed record ApplicationEntry(string ApplicationId, string? ApplicationName, string Source);
