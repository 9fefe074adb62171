using CpaasX.Routing.Model;
using CpaasX.Routing.Table;
using CpaasX.Routing.Tests.Support;

using CsCheck;

using static CpaasX.Routing.Tests.Support.Senders;

namespace CpaasX.Routing.Tests.Table;

/// <summary>Property: the same objects added in any order give the same routing.json bytes.</summary>
public sealed class RoutingTableDeterminismTests
{
    private static readonly string?[] Applications = [null, "checkout-prod", "checkout-staging", "default"];
    private static readonly string?[] Entities = [null, "acme", "globex"];
    private static readonly SenderResource[] Resources = [NewJersey, NewYork, Toronto, ShortCode, TollFree, London, AlphaEurope, AlphaEverywhere];
    private static readonly Channel[] Channels = [Channel.Sms, Channel.Mms, Channel.Voice];
    private static readonly string?[] Keywords = [null, "STOP", "join", "Info"];

    // Each object's name is derived from its content, so equal names always mean equal objects, as in a namespace.
    private static readonly Gen<Action<RoutingTableBuilder>> Association =
        Gen.Select(Gen.Int[0, Applications.Length - 1], Gen.Int[0, Entities.Length - 1], Gen.Int[0, Resources.Length - 1], Gen.Int[0, Channels.Length - 1])
            .Select((a, e, r, c) => (Action<RoutingTableBuilder>)(b => b.Associate(Resources[r], Applications[a], Entities[e], Channels[c])));

    private static readonly Gen<Action<RoutingTableBuilder>> Strategy =
        Gen.Select(Gen.Int[0, Applications.Length - 1], Gen.Int[0, Entities.Length - 1], Gen.Bool, Gen.Bool, Gen.Int[1, 4])
            .Select((a, e, sticky, sms, priority) => (Action<RoutingTableBuilder>)(b => b.AddStrategy(Senders.Strategy(
                $"s-{a}-{e}-{sticky}-{sms}-{priority}".ToLowerInvariant(),
                Applications[a],
                Entities[e],
                sms ? Channel.Sms : null,
                sticky: sticky,
                priorities: [Rank(SenderType.ShortCode, priority), Rank(SenderType.VirtualLongNumber, 5 - priority)]))));

    private static readonly Gen<Action<RoutingTableBuilder>> Configuration =
        Gen.Select(Gen.Int[0, Keywords.Length - 1], Gen.Int[0, Applications.Length - 1], Gen.Int[0, Entities.Length - 1])
            .Select((k, a, e) => (Action<RoutingTableBuilder>)(b => b.AddInboundConfiguration(
                $"c-{k}-{a}-{e}", NewJersey.Name, Channel.Sms, Keywords[k], Applications[a], Entities[e])));

    private static readonly Gen<Action<RoutingTableBuilder>> ApplicationOrEntity =
        Gen.Int[1, 3].Select(i => (Action<RoutingTableBuilder>)(b => b.AddApplication(Applications[i]!, null, Applications[i]!).AddEntity(Entities[i % 3] ?? "none", null, Entities[i % 3] ?? "none")));

    [Fact]
    public void Shuffled_input_gives_the_same_bytes()
    {
        var objects = Gen.Frequency((3, Association), (1, Strategy), (2, Configuration), (1, ApplicationOrEntity)).Array[0, 40];

        Gen.Select(objects, Gen.Int).Sample((additions, seed) =>
        {
            var shuffled = additions.ToArray();
            new Random(seed).Shuffle(shuffled);
            return Build(additions).SequenceEqual(Build(shuffled));
        }, iter: 300);
    }

    private static byte[] Build(IEnumerable<Action<RoutingTableBuilder>> additions)
    {
        var builder = new RoutingTableBuilder("shop").AddInboundResource(NewJersey, [Channel.Sms, Channel.Mms], applicationId: "checkout-prod");
        foreach (var addition in additions)
        {
            addition(builder);
        }

        return RoutingTableJson.Serialize(builder.Build());
    }
}
