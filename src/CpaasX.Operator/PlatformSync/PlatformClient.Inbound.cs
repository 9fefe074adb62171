using System.Globalization;
using System.Text.Json.Nodes;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// The numbers API (number-level application and entity) and the resource management API's inbound message
/// configurations, paced and retried as the provisioning APIs are.
/// </summary>
public sealed partial class PlatformClient
{
    private const string Numbers = "/numbers/1/numbers";
    private const string InboundConfigurations = "/resource-management/1/inbound-message-configurations";

    // The inbound configuration list publishes 2 requests a second, twice the provisioning APIs' rate.
    private const int InboundListRate = 2;

    /// <summary>Sets a number's number-level application and entity (the PUT replaces both).</summary>
    public Task UpdateNumberAsync(PlatformNumber number, CancellationToken cancellationToken)
    {
        JsonObject body = new() { ["applicationId"] = number.ApplicationId };
        if (number.EntityId is not null)
        {
            body["entityId"] = number.EntityId;
        }

        return SendAsync(HttpMethod.Put, Numbers + "/{numberKey}", $"{Numbers}/{Uri.EscapeDataString(number.NumberKey)}", body, [200], cancellationToken);
    }

    /// <summary>
    /// Creates or updates an inbound configuration (the platform's POST does both, keyed by number, channel and
    /// keyword); returns the configurationKey of the configuration the platform answers with.
    /// </summary>
    public async Task<string> PutInboundConfigurationAsync(PlatformInboundConfiguration configuration, CancellationToken cancellationToken)
    {
        // PLATFORM is unset first, then set when declared: the platform then holds exactly the declared pair, with no
        // entity left over from an earlier value. The configuration's other settings (forwarding, auto-response) are
        // not the sync's and stay as they are.
        JsonObject body = new()
        {
            ["channel"] = configuration.Key.Channel,
            ["numberKey"] = configuration.Key.NumberKey,
            ["unset"] = new JsonArray("PLATFORM"),
        };
        if (configuration.Key.Keyword is not null)
        {
            body["keyword"] = configuration.Key.Keyword;
        }

        if (configuration.ApplicationId is not null)
        {
            JsonObject platform = new() { ["applicationId"] = configuration.ApplicationId };
            if (configuration.EntityId is not null)
            {
                platform["entityId"] = configuration.EntityId;
            }

            body["platform"] = platform;
        }

        string? key = null;
        await SendAsync(HttpMethod.Post, InboundConfigurations, InboundConfigurations, body, [200], cancellationToken, answer => key = answer?["configurationKey"]?.GetValue<string>());
        return key ?? throw new PlatformApiException($"POST {InboundConfigurations}", 200, "no configurationKey in the answer");
    }

    /// <summary>Deletes an inbound configuration; one already gone (404) is done.</summary>
    public Task DeleteInboundConfigurationAsync(string configurationKey, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, InboundConfigurations + "/{configurationKey}", $"{InboundConfigurations}/{Uri.EscapeDataString(configurationKey)}", null, [204, 404], cancellationToken);

    // The account's numbers, when the namespace declares a number level for any: paged by page and limit (not size),
    // until numberCount are read or a page comes back empty (so a platform capping limit below ours loses nothing).
    private async Task<List<PlatformNumber>> ListNumbersAsync(DeclaredAccount declared, CancellationToken cancellationToken)
    {
        List<PlatformNumber> all = [];
        HashSet<string> wanted = [.. declared.Numbers.Select(number => number.Value.NumberKey)];
        var count = wanted.Count == 0 ? 0 : long.MaxValue;
        for (int page = 0, read = 0; read < count; page++)
        {
            JsonNode? answer = null;
            await SendAsync(HttpMethod.Get, Numbers, string.Create(CultureInfo.InvariantCulture, $"{Numbers}?page={page}&limit={_options.PageSize}"), null, [200], cancellationToken, body => answer = body);
            var numbers = answer?["numbers"]?.AsArray() ?? [];
            count = answer?["numberCount"]?.GetValue<long>() ?? 0;
            read += numbers.Count;
            all.AddRange(numbers.Where(number => wanted.Contains(number!["numberKey"]!.GetValue<string>())).Select(number => new PlatformNumber(
                number!["numberKey"]!.GetValue<string>(),
                number["applicationId"]?.GetValue<string>() ?? DeclaredAccount.DefaultApplication,
                number["entityId"]?.GetValue<string>())));
            if (numbers.Count == 0)
            {
                break;
            }
        }

        return all;
    }

    // The list is not paged and its answers do not name their number: it is read per number and channel the
    // namespace declares configurations for, and per number and channel the record holds configurations of (so that
    // one no InboundConfiguration names any more is still seen, reported and deleted by the usual rules).
    private async Task<List<PlatformInboundConfiguration>> ListInboundConfigurationsAsync(DeclaredAccount declared, SyncRecord record, CancellationToken cancellationToken)
    {
        List<PlatformInboundConfiguration> all = [];
        var listings = declared.InboundConfigurations.Select(item => item.Value.Key.Listing).Concat(record.InboundListings()).Distinct()
            .OrderBy(listing => listing.NumberKey, StringComparer.Ordinal).ThenBy(listing => listing.Channel, StringComparer.Ordinal);
        foreach ((var numberKey, var channel) in listings)
        {
            JsonNode? answer = null;
            await SendAsync(HttpMethod.Get, InboundConfigurations,
                $"{InboundConfigurations}?channel={Uri.EscapeDataString(channel)}&numberKey={Uri.EscapeDataString(numberKey)}", null, [200], cancellationToken, body => answer = body, InboundListRate);
            all.AddRange((answer?.AsArray() ?? []).Select(item => ToInboundConfiguration(item!, numberKey, channel)));
        }

        return all;
    }

    private static PlatformInboundConfiguration ToInboundConfiguration(JsonNode item, string numberKey, string channel) => PlatformInboundConfiguration.Of(
        item["configurationKey"]!.GetValue<string>(),
        new InboundKey(numberKey, item["channel"]?.GetValue<string>() ?? channel, item["keyword"]?.GetValue<string>()),
        item["platform"]?["applicationId"]?.GetValue<string>(),
        item["platform"]?["entityId"]?.GetValue<string>());
}
