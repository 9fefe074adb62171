using CpaasX.Routing.Model;

namespace CpaasX.Operator.Diff;

/// <summary>
/// An outbound pool whose senders differ: <paramref name="Change"/> is <c>added</c>, <c>removed</c> or <c>changed</c>;
/// <paramref name="Level"/> is <c>pair</c>, <c>application</c> or <c>entity</c> (an entity under the default application).
/// </summary>
public sealed record PoolChange(
    string ApplicationId,
    string? EntityId,
    Channel Channel,
    string Level,
    string Change,
    IReadOnlyList<SenderRef> SendersAdded,
    IReadOnlyList<SenderRef> SendersRemoved);
