namespace CpaasX.Operator.Writing;

/// <summary>A namespace's published routing table could not be read back: missing, or not a routing table; the message says which.</summary>
public sealed class UnreadableRoutingTableException(string message, Exception? innerException = null) : Exception(message, innerException);
