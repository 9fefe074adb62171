using CpaasX.Routing.Model;

namespace CpaasX.Routing.Table;

/// <summary>
/// One sender of a pool: the Resource it is (<paramref name="Resource"/> is its object name), its value (number, alpha
/// sender, domain, chat-app sender ID or push configuration ID), its sender type for strategies (null for resources that
/// strategies do not rank), its country (numbers), the countries an alpha sender may send to (empty: all), and the
/// association it came from, e.g. <c>ResourceAssociation/main-line-sms</c>.
/// </summary>
public sealed record PoolSender(
    string Resource,
    ResourceType Type,
    string Value,
    SenderType? SenderType,
    string? Country,
    IReadOnlyList<string> Countries,
    string Source);
