using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CpaasX.Testing.Platform;

/// <summary>
/// The state of the double's account and what each implemented operation does to it. The account starts with the
/// <c>default</c> application, as the platform creates one for every account.
/// </summary>
public sealed partial class PlatformAccount(PlatformDoubleOptions options)
{
    public const string DefaultApplication = "default";

    private readonly SortedDictionary<string, string?> _applications = new(StringComparer.Ordinal) { [DefaultApplication] = "Default application" };
    private readonly SortedDictionary<string, string?> _entities = new(StringComparer.Ordinal);
    private readonly List<PlatformAssociation> _associations = [];
    private readonly SortedDictionary<string, JsonObject> _strategies = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IReadOnlyDictionary<string, string?> Applications { get { lock (_lock) { return new Dictionary<string, string?>(_applications); } } }

    public IReadOnlyDictionary<string, string?> Entities { get { lock (_lock) { return new Dictionary<string, string?>(_entities); } } }

    public IReadOnlyList<PlatformAssociation> Associations { get { lock (_lock) { return [.. _associations]; } } }

    /// <summary>The sending strategies by sendingStrategyId, as the list returns them.</summary>
    public IReadOnlyDictionary<string, JsonObject> Strategies { get { lock (_lock) { return _strategies.ToDictionary(pair => pair.Key, pair => (JsonObject)pair.Value.DeepClone()); } } }

    /// <summary>Puts an application on the account as if made in the web interface (adoption and drift scenarios).</summary>
    public void PutApplication(string id, string? name) { lock (_lock) { _applications[id] = name; } }

    public void PutEntity(string id, string? name) { lock (_lock) { _entities[id] = name; } }

    public void PutAssociation(PlatformAssociation association) { lock (_lock) { _associations.Add(association); } }

    public bool RemoveAssociation(PlatformAssociation association) { lock (_lock) { return _associations.Remove(association); } }

    /// <summary>Adds a sending strategy (a request body as the POST takes it); returns its new sendingStrategyId.</summary>
    public string PutStrategy(JsonObject request)
    {
        lock (_lock)
        {
            return AddStrategy(request);
        }
    }

    internal DoubleResponse Handle(DoubleRequest request)
    {
        lock (_lock)
        {
            var operation = request.Operation;
            return operation.OperationId switch
            {
                "get-applications" => Page(request, _applications.Select(pair => Named("applicationId", pair.Key, "applicationName", pair.Value))),
                "get-application" => Get(operation, _applications, request.PathValues["applicationId"], "applicationId", "applicationName"),
                "create-application" => Create(operation, _applications, request.Body!, "applicationId", "applicationName"),
                "modify-application" => Modify(operation, _applications, request.PathValues["applicationId"], request.Body!, "applicationName"),
                "delete-application" => DeleteApplication(operation, request.PathValues["applicationId"]),
                "get-entities" => Page(request, _entities.Select(pair => Named("entityId", pair.Key, "entityName", pair.Value))),
                "get-entity" => Get(operation, _entities, request.PathValues["entityId"], "entityId", "entityName"),
                "create-entity" => Create(operation, _entities, request.Body!, "entityId", "entityName"),
                "modify-entity" => Modify(operation, _entities, request.PathValues["entityId"], request.Body!, "entityName"),
                "delete-entity" => DeleteEntity(operation, request.PathValues["entityId"]),
                "get-resource-associations" => Page(request, _associations.Where(association => Filter(request, association)).Select(ToJson)),
                "get-resource-association" => _associations.FirstOrDefault(association => association == FromQuery(request)) is PlatformAssociation found
                    ? new DoubleResponse(200, ToJson(found))
                    : DoubleResponse.Error(operation, 404, "Not found"),
                "create-resource-association" => CreateAssociation(operation, FromBody(request.Body!)),
                "delete-resource-association" => _associations.Remove(FromBody(request.Body!))
                    ? new DoubleResponse(204)
                    : DoubleResponse.Error(operation, 404, "Not found"),
                "get-sending-strategies-v2" => Page(request, _strategies.Values
                    .Where(strategy => Matches(request.QueryValue("sendingStrategyId"), strategy["sendingStrategyId"])
                        && Matches(request.QueryValue("applicationId"), strategy["platform"]?["applicationId"])
                        && Matches(request.QueryValue("entityId"), strategy["platform"]?["entityId"]))
                    .Select(strategy => strategy.DeepClone())),
                "create-sending-strategy-v2" => new DoubleResponse(201, new JsonObject { ["sendingStrategyId"] = AddStrategy((JsonObject)request.Body!) }),
                "delete-sending-strategy-by-sending-strategy-id-v2" => _strategies.Remove(request.PathValues["sendingStrategyId"])
                    ? new DoubleResponse(204)
                    : DoubleResponse.Error(operation, 404, "Not found"),
                _ => HandleNumbers(request) ?? DoubleResponse.Error(operation, 500, $"The double does not implement {operation.OperationId}."),
            };
        }
    }

    private static DoubleResponse Page(DoubleRequest request, IEnumerable<JsonNode> all)
    {
        List<JsonNode> items = [.. all];
        var page = request.QueryInt("page");
        var size = request.QueryInt("size");
        return new DoubleResponse(200, new JsonObject
        {
            ["results"] = new JsonArray([.. items.Skip(page * size).Take(size)]),
            ["paging"] = new JsonObject
            {
                ["page"] = page,
                ["size"] = size,
                ["totalPages"] = (items.Count + size - 1) / size,
                ["totalResults"] = items.Count,
            },
        });
    }

    private static JsonObject Named(string idField, string id, string nameField, string? name)
    {
        JsonObject json = new() { [idField] = id };
        if (name is not null)
        {
            json[nameField] = name;
        }

        return json;
    }

    private static DoubleResponse Get(ContractOperation operation, SortedDictionary<string, string?> items, string id, string idField, string nameField) =>
        items.TryGetValue(id, out var name)
            ? new DoubleResponse(200, Named(idField, id, nameField, name))
            : DoubleResponse.Error(operation, 404, "Not found");

    private static DoubleResponse Create(ContractOperation operation, SortedDictionary<string, string?> items, JsonNode body, string idField, string nameField)
    {
        var id = body[idField]!.GetValue<string>();
        if (Uri.EscapeDataString(id) != id || id.Length == 0)
        {
            // The platform accepts only IDs that URL encoding leaves unchanged (they become path segments).
            return DoubleResponse.Error(operation, 400, "Bad request", new Dictionary<string, string[]> { [idField] = ["must not need URL encoding"] });
        }

        if (items.ContainsKey(id))
        {
            return DoubleResponse.Error(operation, 409, "Conflict");
        }

        items[id] = body[nameField]?.GetValue<string>();
        return new DoubleResponse(201);
    }

    private static DoubleResponse Modify(ContractOperation operation, SortedDictionary<string, string?> items, string id, JsonNode body, string nameField)
    {
        if (!items.ContainsKey(id))
        {
            return DoubleResponse.Error(operation, 404, "Not found");
        }

        items[id] = body[nameField]?.GetValue<string>();
        return new DoubleResponse(204);
    }

    private DoubleResponse DeleteApplication(ContractOperation operation, string id)
    {
        if (id == DefaultApplication)
        {
            return DoubleResponse.Error(operation, 400, "The default application cannot be deleted.");
        }

        return DeleteReferenced(operation, _applications, id, association => association.ApplicationId == id);
    }

    private DoubleResponse DeleteEntity(ContractOperation operation, string id) =>
        DeleteReferenced(operation, _entities, id, association => association.EntityId == id);

    // The documented cascade: the resources linked to a deleted application or entity fall back to application
    // "default" and no entity (or, switched, the delete is refused while associations name it).
    private DoubleResponse DeleteReferenced(ContractOperation operation, SortedDictionary<string, string?> items, string id, Func<PlatformAssociation, bool> names)
    {
        if (!items.ContainsKey(id))
        {
            return DoubleResponse.Error(operation, 404, "Not found");
        }

        List<PlatformAssociation> linked = [.. _associations.Where(names)];
        if (linked.Count > 0 && options.RefuseDeleteWhileAssociated)
        {
            return DoubleResponse.Error(operation, 400, "Resources are still associated.");
        }

        items.Remove(id);
        foreach (var association in linked)
        {
            _associations.Remove(association);
            var reset = association with { ApplicationId = DefaultApplication, EntityId = null };
            if (!_associations.Contains(reset))
            {
                _associations.Add(reset);
            }
        }

        return new DoubleResponse(200);
    }

    private DoubleResponse CreateAssociation(ContractOperation operation, PlatformAssociation association)
    {
        if (!_applications.ContainsKey(association.ApplicationId) || (association.EntityId is string entity && !_entities.ContainsKey(entity)))
        {
            return DoubleResponse.Error(operation, 404, "Not found");
        }

        var conflicts = options.AssociationUniqueness == AssociationUniqueness.Tuple
            ? _associations.Contains(association)
            : _associations.Any(existing => existing.ResourceType == association.ResourceType && existing.Channel == association.Channel && existing.ResourceId == association.ResourceId);
        if (conflicts)
        {
            return DoubleResponse.Error(operation, 409, "Conflict");
        }

        _associations.Add(association);
        return new DoubleResponse(201);
    }

    private string AddStrategy(JsonObject request)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var stored = (JsonObject)request.DeepClone();
        stored["sendingStrategyId"] = id;
        stored["useStickySender"] ??= false;
        stored["useGeolocatedSender"] ??= false;
        _strategies[id] = stored;
        return id;
    }

    private static bool Matches(string? filter, JsonNode? value) => filter is null || value?.GetValue<string>() == filter;

    private static bool Filter(DoubleRequest request, PlatformAssociation association) =>
        Matches(request.QueryValue("resourceType"), association.ResourceType)
        && Matches(request.QueryValue("channel"), association.Channel)
        && Matches(request.QueryValue("applicationId"), association.ApplicationId)
        && Matches(request.QueryValue("entityId"), association.EntityId)
        && Matches(request.QueryValue("resourceId"), association.ResourceId);

    private static PlatformAssociation FromBody(JsonNode body) => new(
        body["resourceType"]!.GetValue<string>(),
        body["channel"]!.GetValue<string>(),
        body["applicationId"]!.GetValue<string>(),
        body["entityId"]?.GetValue<string>(),
        body["resourceId"]!.GetValue<string>());

    private static PlatformAssociation FromQuery(DoubleRequest request) => new(
        request.QueryValue("resourceType")!,
        request.QueryValue("channel")!,
        request.QueryValue("applicationId")!,
        request.QueryValue("entityId"),
        request.QueryValue("resourceId")!);

    private static JsonObject ToJson(PlatformAssociation association)
    {
        JsonObject json = new()
        {
            ["resourceType"] = association.ResourceType,
            ["channel"] = association.Channel,
            ["applicationId"] = association.ApplicationId,
            ["resourceId"] = association.ResourceId,
        };
        if (association.EntityId is not null)
        {
            json["entityId"] = association.EntityId;
        }

        return json;
    }
}
