using System.Net;
using System.Text.Json.Nodes;

using CpaasX.Operator.PlatformSync;
using CpaasX.Testing.Platform;

namespace CpaasX.Operator.Tests.PlatformSync;

/// <summary>The double's numbers and inbound configuration APIs follow numbers.json and resources.json.</summary>
public sealed class PlatformDoubleNumbersContractTests
{
    [Fact]
    public async Task Numbers_are_paged_by_page_and_limit_with_a_number_count_and_size_is_not_a_parameter()
    {
        await using var platform = await PlatformDouble.StartAsync(new PlatformDoubleOptions { ThrottleUnit = TimeSpan.FromMilliseconds(1) });
        for (var index = 0; index < 5; index++)
        {
            platform.Account.PutNumber($"NK-{index}", $"4479000000{index}", "GB");
        }

        using var http = PlatformDoubleContractTests.Client(platform);
        var page = JsonNode.Parse(await http.GetStringAsync(new Uri("/numbers/1/numbers?page=1&limit=2", UriKind.Relative)))!;
        await Task.Delay(5);
        var sized = await http.GetAsync(new Uri("/numbers/1/numbers?page=0&size=2", UriKind.Relative));

        Assert.Equal(["NK-2", "NK-3"], page["numbers"]!.AsArray().Select(number => number!["numberKey"]!.GetValue<string>()));
        Assert.Equal(5, page["numberCount"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.BadRequest, sized.StatusCode);
        Assert.Contains("size", Assert.Single(platform.Violations), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbound_list_needs_a_channel_is_throttled_at_two_per_second_and_a_missing_configuration_is_a_bare_404()
    {
        // A minute's throttling unit: no token comes back while the test runs, however slow the machine.
        await using var platform = await PlatformDouble.StartAsync(new PlatformDoubleOptions { ThrottleUnit = TimeSpan.FromMinutes(1) });
        using var http = PlatformDoubleContractTests.Client(platform);

        var noChannel = await http.GetAsync(new Uri("/resource-management/1/inbound-message-configurations", UriKind.Relative));
        List<HttpResponseMessage> listed = [];
        for (var index = 0; index < 3; index++)
        {
            listed.Add(await http.GetAsync(new Uri("/resource-management/1/inbound-message-configurations?channel=SMS", UriKind.Relative)));
        }

        var missing = await http.DeleteAsync(new Uri("/resource-management/1/inbound-message-configurations/NOPE", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, noChannel.StatusCode);
        // The request without a channel spent one of the two tokens: one list is answered, the next two throttled.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], listed.Select(response => response.StatusCode));
        Assert.Equal("TOO_MANY_REQUESTS", JsonNode.Parse(await listed[2].Content.ReadAsStringAsync())!["requestError"]!["serviceException"]!["messageId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await missing.Content.ReadAsStringAsync());
        Assert.Contains("channel", Assert.Single(platform.Violations), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_platform_capping_the_numbers_limit_below_the_clients_page_loses_no_number()
    {
        await using var harness = await SyncHarness.StartAsync("inbound", new PlatformDoubleOptions { NumbersLimitCap = 1 });

        var plan = await harness.PlanAsync();

        Assert.Contains(plan.Operations, operation => operation.Desired is PlatformNumber { NumberKey: "NK-support-line" });
        Assert.True(harness.Platform.Requests.Count(request => request.OperationId == "list-owned-numbers") >= 2);
        Assert.Empty(harness.Platform.Violations);
    }
}
