namespace CpaasX.Operator.Api.Serialization;

/// <summary>A manifest that could not be read: broken YAML, or a field of the wrong type.</summary>
public sealed class ManifestException(string message, Exception? inner = null) : Exception(message, inner);
