using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// The platform's provisioning APIs as the sync uses them (application-entity 3.210.0 and sending-strategy v2):
/// paced per endpoint within the published throttling, 429 and 5xx retried with exponential backoff (honouring a
/// Retry-After when one comes), lists read page by page with the largest page the specs allow.
/// </summary>
public sealed partial class PlatformClient : IDisposable
{
    private const string Applications = "/provisioning/1/applications";
    private const string Entities = "/provisioning/1/entities";
    private const string Associations = "/provisioning/1/associations";
    private const string Strategies = "/provisioning/2/sending-strategies";

    private readonly HttpClient _http;
    private readonly PlatformClientOptions _options;
    private readonly EndpointPacer _pacer;

    public PlatformClient(PlatformBinding binding, PlatformClientOptions? options = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new PlatformClientOptions();
        _pacer = new EndpointPacer(_options.RequestInterval);
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = binding.BaseUrl;
        _http.Timeout = _options.RequestTimeout;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("App", binding.ApiKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>
    /// Reads the account: the four provisioning lists, the numbers and inbound configurations <paramref name="declared"/>
    /// needs, and the inbound configurations <paramref name="record"/> holds; the lists go in parallel, as each endpoint
    /// has its own throttling.
    /// </summary>
    public async Task<AccountState> ReadAccountAsync(DeclaredAccount declared, SyncRecord record, CancellationToken cancellationToken)
    {
        var applications = ListAsync(Applications, item => Named(item, "applicationId", "applicationName"), cancellationToken);
        var entities = ListAsync(Entities, item => Named(item, "entityId", "entityName"), cancellationToken);
        var associations = ListAsync(Associations, ToAssociation, cancellationToken);
        var strategies = ListAsync(Strategies, ToStrategy, cancellationToken);
        var numbers = ListNumbersAsync(declared, cancellationToken);
        var inbound = ListInboundConfigurationsAsync(declared, record, cancellationToken);
        await Task.WhenAll(applications, entities, associations, strategies, numbers, inbound);
        return new AccountState(applications.Result, entities.Result, associations.Result, strategies.Result)
        {
            Numbers = numbers.Result,
            InboundConfigurations = inbound.Result,
        };
    }

    /// <summary>Creates an application or entity; false when the ID exists already (409).</summary>
    public async Task<bool> CreateAsync(PlatformKind kind, PlatformNamed item, CancellationToken cancellationToken)
    {
        (var collection, var idField, var nameField) = NamedFields(kind);
        JsonObject body = new() { [idField] = item.Id };
        if (item.Name is not null)
        {
            body[nameField] = item.Name;
        }

        return await SendAsync(HttpMethod.Post, collection, collection, body, [201, 409], cancellationToken) == 201;
    }

    /// <summary>Reads one application or entity; null when there is none (404).</summary>
    public async Task<PlatformNamed?> GetAsync(PlatformKind kind, string id, CancellationToken cancellationToken)
    {
        (var collection, var idField, var nameField) = NamedFields(kind);
        JsonNode? found = null;
        var status = await SendAsync(HttpMethod.Get, collection + "/{id}", $"{collection}/{Uri.EscapeDataString(id)}", null, [200, 404], cancellationToken, answer => found = answer);
        return status == 200 ? Named(found!, idField, nameField) : null;
    }

    /// <summary>Renames an application or entity (the only change the platform allows).</summary>
    public Task RenameAsync(PlatformKind kind, PlatformNamed item, CancellationToken cancellationToken)
    {
        (var collection, _, var nameField) = NamedFields(kind);
        return SendAsync(HttpMethod.Put, collection + "/{id}", $"{collection}/{Uri.EscapeDataString(item.Id)}", new JsonObject { [nameField] = item.Name }, [204], cancellationToken);
    }

    /// <summary>Deletes an application or entity; one already gone (404) is done.</summary>
    public Task DeleteAsync(PlatformKind kind, string id, CancellationToken cancellationToken)
    {
        (var collection, _, _) = NamedFields(kind);
        return SendAsync(HttpMethod.Delete, collection + "/{id}", $"{collection}/{Uri.EscapeDataString(id)}", null, [200, 404], cancellationToken);
    }

    /// <summary>Creates an association; false when the platform holds it already (409).</summary>
    public async Task<bool> CreateAsync(AssociationKey association, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, Associations, Associations, ToJson(association), [201, 409], cancellationToken) == 201;

    /// <summary>Deletes an association (by its tuple, in a JSON body); one already gone (404) is done.</summary>
    public Task DeleteAsync(AssociationKey association, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, Associations, Associations, ToJson(association), [204, 404], cancellationToken);

    /// <summary>Creates a sending strategy; returns the sendingStrategyId the platform assigned.</summary>
    public async Task<string> CreateAsync(PlatformStrategy strategy, CancellationToken cancellationToken)
    {
        string? id = null;
        await SendAsync(HttpMethod.Post, Strategies, Strategies, ToJson(strategy), [201], cancellationToken, answer => id = answer?["sendingStrategyId"]?.GetValue<string>());
        return id ?? throw new PlatformApiException($"POST {Strategies}", 201, "no sendingStrategyId in the answer");
    }

    /// <summary>Deletes a sending strategy; one already gone (404) is done.</summary>
    public Task DeleteStrategyAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, Strategies + "/{id}", $"{Strategies}/{Uri.EscapeDataString(id)}", null, [204, 404], cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<List<T>> ListAsync<T>(string collection, Func<JsonNode, T> parse, CancellationToken cancellationToken)
    {
        List<T> all = [];
        var totalPages = 1;
        for (var page = 0; page < totalPages; page++)
        {
            JsonNode? answer = null;
            await SendAsync(HttpMethod.Get, collection, $"{collection}?page={page}&size={_options.PageSize}", null, [200], cancellationToken, body => answer = body);
            all.AddRange(answer!["results"]!.AsArray().Select(item => parse(item!)));
            totalPages = answer["paging"]!["totalPages"]!.GetValue<int>();
        }

        return all;
    }

    // One request, paced on its endpoint, retried on 429, 5xx and no answer; returns the accepted status.
    private async Task<int> SendAsync(HttpMethod method, string template, string path, JsonNode? body, int[] accepted, CancellationToken cancellationToken, Action<JsonNode?>? read = null, int rate = 1)
    {
        var endpoint = $"{method} {template}";
        for (var attempt = 1; ; attempt++)
        {
            (var status, var answer, var retryAfter, var detail) = await _pacer.RunAsync(endpoint, () => SendOnceAsync(method, path, body, cancellationToken), cancellationToken, rate);
            if (accepted.Contains(status))
            {
                read?.Invoke(answer);
                return status;
            }

            var retryable = status is 0 or 429 or >= 500;
            if (!retryable || attempt >= _options.MaxAttempts)
            {
                throw new PlatformApiException(endpoint, status, detail);
            }

            var backoff = TimeSpan.FromTicks(Math.Min(_options.BackoffCap.Ticks, _options.BackoffBase.Ticks << Math.Min(attempt - 1, 20)));
            await Task.Delay(retryAfter is TimeSpan wait && wait > backoff ? wait : backoff, cancellationToken);
        }
    }

    private async Task<(int, JsonNode?, TimeSpan?, string)> SendOnceAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = new(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) : null;
            return ((int)response.StatusCode, json, response.Headers.RetryAfter?.Delta, ErrorText(json) ?? response.ReasonPhrase ?? "");
        }
        catch (HttpRequestException exception)
        {
            return (0, null, null, exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's timeout, not the pass being stopped: the request went unanswered and is retried as a refused
            // connection is. Left to escape, it would end the pass as a shutdown does: no retry, no Event, no metric.
            return (0, null, null, string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s"));
        }
    }

    // Both error shapes of the specs: requestError.serviceException (provisioning) and ApiError (sending strategy).
    // An array (the inbound configuration list) is no error.
    private static string? ErrorText(JsonNode? json) => json is not JsonObject error
        ? null
        : error["requestError"]?["serviceException"] is JsonNode legacy
            ? $"{legacy["messageId"]}: {legacy["text"]}"
            : error["errorCode"] is JsonNode code ? $"{code}: {error["description"]}" : null;

    private static (string Collection, string IdField, string NameField) NamedFields(PlatformKind kind) => kind switch
    {
        PlatformKind.Application => (Applications, "applicationId", "applicationName"),
        PlatformKind.Entity => (Entities, "entityId", "entityName"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an application or entity."),
    };

    private static PlatformNamed Named(JsonNode item, string idField, string nameField) =>
        new(item[idField]!.GetValue<string>(), item[nameField]?.GetValue<string>());

    private static AssociationKey ToAssociation(JsonNode item) => new(
        item["resourceType"]!.GetValue<string>(),
        item["channel"]!.GetValue<string>(),
        item["applicationId"]!.GetValue<string>(),
        item["entityId"]?.GetValue<string>(),
        item["resourceId"]!.GetValue<string>());

    // The request's entityId is required but documented as null when the resource has no entity.
    private static JsonObject ToJson(AssociationKey association) => new()
    {
        ["resourceType"] = association.ResourceType,
        ["channel"] = association.Channel,
        ["applicationId"] = association.ApplicationId,
        ["entityId"] = association.EntityId,
        ["resourceId"] = association.ResourceId,
    };

    private static PlatformStrategy ToStrategy(JsonNode item) => new(
        item["sendingStrategyId"]!.GetValue<string>(),
        new StrategyKey(
            item["platform"]?["applicationId"]?.GetValue<string>(),
            item["platform"]?["entityId"]?.GetValue<string>(),
            item["channel"]?.GetValue<string>(),
            item["destinationCountryCode"]?.GetValue<string>()),
        item["useStickySender"]!.GetValue<bool>(),
        item["useGeolocatedSender"]!.GetValue<bool>(),
        [.. (item["priorities"]?.AsArray() ?? []).Select(priority => new PlatformPriority(priority!["senderType"]!.GetValue<string>(), priority["priority"]!.GetValue<int>()))]);

    private static JsonObject ToJson(PlatformStrategy strategy)
    {
        JsonObject platform = [];
        if (strategy.Key.ApplicationId is string application)
        {
            platform["applicationId"] = application;
        }

        if (strategy.Key.EntityId is string entity)
        {
            platform["entityId"] = entity;
        }

        JsonObject json = new()
        {
            ["platform"] = platform,
            ["useStickySender"] = strategy.UseStickySender,
            ["useGeolocatedSender"] = strategy.UseGeolocatedSender,
            ["priorities"] = new JsonArray([.. strategy.Priorities.Select(priority => (JsonNode)new JsonObject { ["senderType"] = priority.SenderType, ["priority"] = priority.Priority })]),
        };
        if (strategy.Key.Channel is string channel)
        {
            json["channel"] = channel;
        }

        if (strategy.Key.Country is string country)
        {
            json["destinationCountryCode"] = country;
        }

        return json;
    }
}
