using CpaasX.Operator.Api.Schema;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// How a ResourceAssociation's resource and channel map to the platform's association API (3.210.0), whose resource
/// types and channels are a subset of ours. Everything outside that subset is "not synced: no platform API";
/// docs/platform-sync.md has the table.
/// </summary>
public static class PlatformMapping
{
    public const string NoPlatformApi = "not synced: no platform API";

    public const string NoNumberKey = "not synced: the number has no spec.number.numberKey, which the platform keys numbers by";

    // The platform's ChannelType enum: SMS, MMS, EMAIL, WHATSAPP, RCS, APPLE. VOICE, VIBER and WEBRTC have no counterpart.
    private static readonly HashSet<Channel> AssociationChannels = [Channel.Sms, Channel.Mms, Channel.Email, Channel.WhatsApp, Channel.Rcs];

    /// <summary>
    /// The platform's (resourceType, resourceId) for <paramref name="resource"/> on <paramref name="channel"/>, or
    /// null and why it is not synced.
    /// </summary>
    public static ((string Type, string Id)? Target, string? NotSynced) AssociationTarget(ResourceSpec resource, Channel channel)
    {
        if (!AssociationChannels.Contains(channel))
        {
            return (null, $"{NoPlatformApi} (the platform's associations have no {JsonNames.Of(channel)} channel)");
        }

        return resource.Type switch
        {
            // The platform keys numbers by the numberKey it assigned at purchase, not by the number itself.
            ResourceType.Number when resource.Number?.NumberKey is string numberKey => (("NUMBER", numberKey), null),
            ResourceType.Number => (null, NoNumberKey),
            ResourceType.Alpha when resource.Alpha?.Sender is string sender => (("ALPHA", sender), null),
            ResourceType.Domain when resource.Domain?.DomainName is string domain => (("DOMAIN", domain), null),
            ResourceType.ChatApp when resource.ChatApp is { Channel: Channel.Rcs, SenderId: string senderId } => (("RCS_RESOURCE", senderId), null),
            _ => (null, $"{NoPlatformApi} (no platform resource type for a {JsonNames.Of(resource.Type!.Value)} resource on {JsonNames.Of(channel)})"),
        };
    }
}
