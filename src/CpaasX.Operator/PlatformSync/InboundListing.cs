namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// A number and a channel: what the platform's inbound configuration list is read by (it is not paged, and its
/// answers do not name their number). The account read lists each one a namespace declares configurations for or its
/// record holds configurations of.
/// </summary>
public sealed record InboundListing(string NumberKey, string Channel);
