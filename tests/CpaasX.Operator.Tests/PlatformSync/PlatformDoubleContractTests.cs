using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

using CpaasX.Testing.Platform;

namespace CpaasX.Operator.Tests.PlatformSync;

/// <summary>The contract double itself: it follows the published specs and notices whoever does not.</summary>
public sealed class PlatformDoubleContractTests
{
    [Fact]
    public async Task Answers_429_beyond_the_published_one_request_per_second_per_endpoint()
    {
        await using var platform = await PlatformDouble.StartAsync();
        using var http = Client(platform);

        var first = await http.GetAsync(new Uri("/provisioning/1/applications", UriKind.Relative));
        var second = await http.GetAsync(new Uri("/provisioning/1/applications", UriKind.Relative));
        var other = await http.GetAsync(new Uri("/provisioning/1/entities", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("TOO_MANY_REQUESTS", JsonNode.Parse(await second.Content.ReadAsStringAsync())!["requestError"]!["serviceException"]!["messageId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task Rejects_and_records_requests_outside_the_spec()
    {
        await using var platform = await PlatformDouble.StartAsync(new PlatformDoubleOptions { ThrottleUnit = TimeSpan.FromMilliseconds(1) });
        using var http = Client(platform);

        var tooLarge = await http.GetAsync(new Uri("/provisioning/1/applications?size=2000", UriKind.Relative));
        // The scenario's pause, not a race: the throttle (counting in 1 ms units here) refills meanwhile, so the next
        // request is judged on the spec alone; a longer pause changes nothing.
        await Task.Delay(5);
        var unknown = await http.GetAsync(new Uri("/provisioning/1/entities?sort=name", UriKind.Relative));
        var noId = await http.PostAsync(new Uri("/provisioning/1/applications", UriKind.Relative), Json(new JsonObject { ["applicationName"] = "x" }));
        var noRoute = await http.GetAsync(new Uri("/provisioning/1/nothing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noRoute.StatusCode);
        Assert.Collection(platform.Violations,
            violation => Assert.Contains("size", violation, StringComparison.Ordinal),
            violation => Assert.Contains("sort", violation, StringComparison.Ordinal),
            violation => Assert.Contains("applicationId", violation, StringComparison.Ordinal),
            violation => Assert.Contains("no operation", violation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_null_entity_on_an_association_is_an_assumption_that_can_be_switched_off()
    {
        JsonObject association = new()
        {
            ["resourceType"] = "NUMBER",
            ["channel"] = "SMS",
            ["applicationId"] = "default",
            ["entityId"] = null,
            ["resourceId"] = "NK-1",
        };
        await using var lenient = await PlatformDouble.StartAsync();
        await using var literal = await PlatformDouble.StartAsync(new PlatformDoubleOptions { AssociationEntityIdNullable = false });
        using var lenientHttp = Client(lenient);
        using var literalHttp = Client(literal);

        Assert.Equal(HttpStatusCode.Created, (await lenientHttp.PostAsync(new Uri("/provisioning/1/associations", UriKind.Relative), Json(association))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await literalHttp.PostAsync(new Uri("/provisioning/1/associations", UriKind.Relative), Json(association))).StatusCode);
        Assert.Empty(lenient.Violations);
        Assert.Contains(literal.Violations, violation => violation.Contains("entityId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sending_strategy_errors_use_the_api_error_shape_and_the_default_application_cannot_be_deleted()
    {
        await using var platform = await PlatformDouble.StartAsync();
        using var http = Client(platform);

        var missing = await http.DeleteAsync(new Uri("/provisioning/2/sending-strategies/NOPE", UriKind.Relative));
        var defaultApplication = await http.DeleteAsync(new Uri("/provisioning/1/applications/default", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("E404", JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["errorCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, defaultApplication.StatusCode);
        Assert.Contains("default", platform.Account.Applications.Keys);
        Assert.Empty(platform.Violations);
    }

    [Fact]
    public async Task Answers_are_checked_against_the_response_schema()
    {
        await using var platform = await PlatformDouble.StartAsync();
        var list = platform.Documents.SelectMany(document => document.Operations).Single(operation => operation.OperationId == "get-applications");
        var create = platform.Documents.SelectMany(document => document.Operations).Single(operation => operation.OperationId == "create-application");

        JsonObject valid = new() { ["results"] = new JsonArray(), ["paging"] = new JsonObject { ["page"] = 0, ["size"] = 20, ["totalPages"] = 0, ["totalResults"] = 0 } };
        JsonObject noTotal = new() { ["results"] = new JsonArray(), ["paging"] = new JsonObject { ["page"] = 0, ["size"] = 20, ["totalPages"] = 0 } };

        Assert.Empty(list.CheckAnswer(200, valid));
        Assert.Contains(list.CheckAnswer(200, noTotal), error => error.Contains("totalResults", StringComparison.Ordinal));
        Assert.NotEmpty(list.CheckAnswer(204, null));
        Assert.Empty(create.CheckAnswer(201, null));
        Assert.NotEmpty(create.CheckAnswer(201, valid));
        Assert.Equal("3.210.0", list.Document.Version);
    }

    internal static HttpClient Client(PlatformDouble platform)
    {
        HttpClient http = new() { BaseAddress = platform.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("App", platform.ApiKey);
        return http;
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
