using CpaasX.Routing.Model;
using CpaasX.Routing.Table;

namespace CpaasX.Benchmarks;

/// <summary>
/// A namespace of the size as a routing table: 20k number Resources each with one SMS association (every application
/// gets 10 at pair level with its own entity and 10 at application level; 1k applications, 1k entities), 500 sticky geolocated strategies with
/// priorities, and 5k inbound configurations (half keywords, half defaults) on numbers that all receive SMS.
/// </summary>
internal static class SyntheticNamespace
{
    public const int Applications = 1_000;
    public const int Entities = 1_000;
    public const int Resources = 20_000;
    public const int Strategies = 500;
    public const int InboundConfigurations = 5_000;

    private static readonly string[] AreaCodes = ["201", "212", "312", "415", "646"];

    public static string ApplicationId(int index) => $"app-{index % Applications}";

    public static string EntityId(int index) => $"entity-{index % Entities}";

    public static string Number(int index) => $"+1{AreaCodes[index % AreaCodes.Length]}{5_000_000 + index:D7}";

    public static RoutingTable Build()
    {
        var builder = new RoutingTableBuilder("bench");
        for (var i = 0; i < Applications; i++)
        {
            builder.AddApplication(ApplicationId(i), null, ApplicationId(i)).AddEntity(EntityId(i), null, EntityId(i));
        }

        for (var i = 0; i < Resources; i++)
        {
            var resource = new SenderResource($"line-{i}", ResourceType.Number, Number(i), NumberType.VirtualLongNumber, "US");
            builder.AddAssociation($"line-{i}-sms", resource, Channel.Sms, ApplicationId(i), (i / Applications) % 2 == 0 ? EntityId(i) : null);
            builder.AddInboundResource(resource, [Channel.Sms, Channel.Mms]);
        }

        for (var i = 0; i < Strategies; i++)
        {
            builder.AddStrategy(new SenderStrategyEntry(
                $"strategy-{i}", ApplicationId(i), null, Channel.Sms, "US", UseStickySender: true, UseGeolocatedSender: true,
                [new SenderPriority(SenderType.VirtualLongNumber, 1), new SenderPriority(SenderType.Alphanumeric, 2)]));
        }

        for (var i = 0; i < InboundConfigurations; i++)
        {
            var keyword = i % 2 == 0 ? $"KW{i}" : null;
            builder.AddInboundConfiguration($"inbound-{i}", $"line-{i / 2}", Channel.Sms, keyword, ApplicationId(i), EntityId(i));
        }

        return builder.Build();
    }
}
