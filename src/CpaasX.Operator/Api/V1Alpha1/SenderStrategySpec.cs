using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

using CpaasX.Operator.Api.Markers;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("How a sender is picked for SMS and MMS. One strategy per (application, entity, channel, country); empty fields match everything.")]
public sealed record SenderStrategySpec
{
    [Description("The Application the strategy applies to; empty matches any.")]
    [SelectableField("name")]
    public LocalObjectReference? ApplicationRef { get; init; }

    [Description("The Entity the strategy applies to; empty matches any.")]
    [SelectableField("name")]
    public LocalObjectReference? EntityRef { get; init; }

    [Description("SMS or MMS; empty means both.")]
    [AllowedValues(Routing.Model.Channel.Sms, Routing.Model.Channel.Mms)]
    public Channel? Channel { get; init; }

    [Description("The destination country the strategy applies to; empty means every country.")]
    [FieldRule(nameof(FieldRules.CountryCode))]
    public string? DestinationCountryCode { get; init; }

    [Description("Send to the same destination from the same sender while the pool allows it.")]
    [DefaultValue(false)]
    public bool UseStickySender { get; init; }

    [Description("Prefer senders with the destination's area code (US and CA destinations only).")]
    [DefaultValue(false)]
    public bool UseGeolocatedSender { get; init; }

    [Description("Sender types in order of preference, lower priority first; each sender type at most once. Types without a priority come after all listed ones.")]
    [Length(0, 4)]
    [ListKind(ListKindAttribute.Map, "senderType")]
    public IReadOnlyList<SenderPriority>? Priorities { get; init; }
}
