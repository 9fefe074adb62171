using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CpaasX.Testing.Platform;

/// <summary>
/// The numbers API (<c>/numbers/1/numbers</c>: owned numbers and their number-level application and entity) and the
/// resource management API's inbound message configurations of those numbers.
/// </summary>
public sealed partial class PlatformAccount
{
    // The fields of an inbound configuration request that are the configuration's identity, not its settings.
    private static readonly HashSet<string> InboundIdentity = ["channel", "numberKey", "number", "countryCode", "keyword", "unset"];

    private readonly SortedDictionary<string, JsonObject> _numbers = new(StringComparer.Ordinal);
    private readonly List<(string NumberKey, JsonObject Configuration)> _inbound = [];

    /// <summary>The owned numbers by numberKey, as the list returns them.</summary>
    public IReadOnlyDictionary<string, JsonObject> Numbers { get { lock (_lock) { return _numbers.ToDictionary(pair => pair.Key, pair => (JsonObject)pair.Value.DeepClone()); } } }

    public IReadOnlyList<AccountInboundConfiguration> InboundConfigurations
    {
        get
        {
            lock (_lock)
            {
                return [.. _inbound.Select(item => new AccountInboundConfiguration(
                    item.Configuration["configurationKey"]!.GetValue<string>(),
                    item.NumberKey,
                    item.Configuration["channel"]!.GetValue<string>(),
                    item.Configuration["keyword"]?.GetValue<string>(),
                    item.Configuration["platform"]?["applicationId"]?.GetValue<string>(),
                    item.Configuration["platform"]?["entityId"]?.GetValue<string>()))];
            }
        }
    }

    /// <summary>
    /// Puts a number on the account as if bought in the web interface, on application <c>default</c> unless said
    /// otherwise; <paramref name="number"/> may be in E.164 (the platform lists numbers without the +).
    /// </summary>
    public void PutNumber(string numberKey, string number, string country, string? applicationId = DefaultApplication, string? entityId = null)
    {
        lock (_lock)
        {
            JsonObject json = new() { ["numberKey"] = numberKey, ["number"] = number.TrimStart('+'), ["country"] = country };
            SetPlatform(json, applicationId, entityId);
            _numbers[numberKey] = json;
        }
    }

    /// <summary>Makes or changes an inbound configuration as the web interface would (a request body as the POST takes it); returns its key.</summary>
    public string PutInboundConfiguration(JsonObject request)
    {
        lock (_lock)
        {
            return ManageInbound(request)!["configurationKey"]!.GetValue<string>();
        }
    }

    private DoubleResponse? HandleNumbers(DoubleRequest request)
    {
        var operation = request.Operation;
        return operation.OperationId switch
        {
            "list-owned-numbers" => ListNumbers(request),
            "get-single-owned-number" => _numbers.TryGetValue(request.PathValues["numberKey"], out var number)
                ? new DoubleResponse(200, number.DeepClone())
                : DoubleResponse.Error(operation, 404, "Not found"),
            "update-owned-number" => UpdateNumber(operation, request.PathValues["numberKey"], request.Body!),
            "get-inbound-configurations" => new DoubleResponse(200, new JsonArray([.. _inbound
                .Where(item => InboundFilter(request, item.NumberKey, item.Configuration))
                .Select(item => item.Configuration.DeepClone())])),
            "manage-inbound-configuration" => ManageInbound((JsonObject)request.Body!) is JsonObject stored
                ? new DoubleResponse(200, stored)
                : DoubleResponse.Error(operation, 404, "Not found"),
            "delete-inbound-configuration" => _inbound.RemoveAll(item => item.Configuration["configurationKey"]!.GetValue<string>() == request.PathValues["configurationKey"]) > 0
                ? new DoubleResponse(204)
                : DoubleResponse.Error(operation, 404, "Not found"),
            _ => null,
        };
    }

    // Paged by page and limit (not page and size), answering the total as numberCount.
    private DoubleResponse ListNumbers(DoubleRequest request)
    {
        List<JsonObject> numbers = [.. _numbers.Values.Where(number => Matches(request.QueryValue("number"), number["number"]))];
        var limit = Math.Min(request.QueryInt("limit"), options.NumbersLimitCap ?? int.MaxValue);
        return new DoubleResponse(200, new JsonObject
        {
            ["numbers"] = new JsonArray([.. numbers.Skip(request.QueryInt("page") * limit).Take(limit).Select(number => number.DeepClone())]),
            ["numberCount"] = numbers.Count,
        });
    }

    // The spec says nothing of a number-level application or entity the account lacks: the double refuses it (400).
    private DoubleResponse UpdateNumber(ContractOperation operation, string numberKey, JsonNode body)
    {
        if (!_numbers.TryGetValue(numberKey, out var number))
        {
            return DoubleResponse.Error(operation, 404, "Not found");
        }

        var applicationId = body["applicationId"]!.GetValue<string>();
        var entityId = body["entityId"]?.GetValue<string>();
        if (!_applications.ContainsKey(applicationId) || (entityId is not null && !_entities.ContainsKey(entityId)))
        {
            return DoubleResponse.Error(operation, 400, "Bad request", new Dictionary<string, string[]> { ["applicationId"] = ["no such application or entity"] });
        }

        SetPlatform(number, applicationId, entityId);
        return new DoubleResponse(200, number.DeepClone());
    }

    // "Create and update": a request for a number, channel and keyword that has a configuration updates it (or, switched,
    // creates another); unset properties are removed first, then the request's settings written. Null when the number is unknown.
    private JsonObject? ManageInbound(JsonObject request)
    {
        var numberKey = request["numberKey"]?.GetValue<string>()
            ?? _numbers.Values.FirstOrDefault(number => number["number"]!.GetValue<string>() == request["number"]?.GetValue<string>())?["numberKey"]!.GetValue<string>();
        if (numberKey is null || !_numbers.ContainsKey(numberKey))
        {
            return null;
        }

        var channel = request["channel"]!.GetValue<string>();
        var keyword = request["keyword"]?.GetValue<string>();
        var stored = options.InboundConfigurationUpsert == InboundConfigurationUpsert.NaturalKey
            ? _inbound.FirstOrDefault(item => item.NumberKey == numberKey && item.Configuration["channel"]!.GetValue<string>() == channel
                && item.Configuration["keyword"]?.GetValue<string>() == keyword).Configuration
            : null;
        if (stored is null)
        {
            stored = new JsonObject { ["configurationKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), ["channel"] = channel };
            if (keyword is not null)
            {
                stored["keyword"] = keyword;
            }

            _inbound.Add((numberKey, stored));
        }

        foreach (var unset in request["unset"]?.AsArray() ?? [])
        {
            var name = unset!.GetValue<string>();
            stored.Remove(stored.Select(pair => pair.Key).FirstOrDefault(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) ?? name);
        }

        foreach ((var name, var value) in request.Where(pair => !InboundIdentity.Contains(pair.Key)).ToList())
        {
            stored[name] = value?.DeepClone();
        }

        return (JsonObject)stored.DeepClone();
    }

    private bool InboundFilter(DoubleRequest request, string numberKey, JsonObject configuration) =>
        Matches(request.QueryValue("channel"), configuration["channel"])
        && Matches(request.QueryValue("configurationKey"), configuration["configurationKey"])
        && Matches(request.QueryValue("keyword"), configuration["keyword"])
        && Matches(request.QueryValue("numberKey"), numberKey)
        && Matches(request.QueryValue("number"), _numbers[numberKey]["number"]);

    private static void SetPlatform(JsonObject json, string? applicationId, string? entityId)
    {
        json.Remove("applicationId");
        json.Remove("entityId");
        if (applicationId is not null)
        {
            json["applicationId"] = applicationId;
        }

        if (entityId is not null)
        {
            json["entityId"] = entityId;
        }
    }
}
