using System.CommandLine;
using System.Net;
using System.Text.Json;

using CpaasX.Operator.Cli;
using CpaasX.Operator.Sidecar;
using CpaasX.Routing.Model;
using CpaasX.Routing.Mounted;
using CpaasX.Routing.Table;
using CpaasX.Testing;

namespace CpaasX.Operator.Tests.Sidecar;

/// <summary>The routing sidecar's API over a directory the kubelet's way, compared with what <c>resolve</c> prints.</summary>
public sealed class RoutingSidecarTests : IAsyncLifetime
{
    private static readonly SenderResource MainLine = new("main-line", ResourceType.Number, "+12015550101", NumberType.VirtualLongNumber, "US");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly byte[] Table = RoutingTableJson.Serialize(new RoutingTableBuilder("shop")
        .AddAssociation("main-line-sms", MainLine, Channel.Sms, "checkout-prod", null)
        .AddInboundResource(MainLine, [Channel.Sms], applicationId: "checkout-prod")
        .AddInboundConfiguration("acme-stop", MainLine.Name, Channel.Sms, "STOP", "support", "acme")
        .Build());

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("routing-sidecar-");
    private readonly HttpClient _http = new();
    private KubeletAtomicWriter _kubelet = null!;
    private RoutingTableDirectory _routing = null!;
    private RoutingSidecar _sidecar = null!;

    public async Task InitializeAsync()
    {
        _kubelet = new KubeletAtomicWriter(_directory.FullName);
        _routing = new RoutingTableDirectory(_directory.FullName, pollInterval: TimeSpan.FromMilliseconds(200));
        _sidecar = await RoutingSidecar.StartAsync(_routing, new IPEndPoint(IPAddress.Loopback, 0), CancellationToken.None);
        _http.BaseAddress = _sidecar.Address;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sidecar.DisposeAsync();
        _routing.Dispose();
        _directory.Delete(recursive: true);
    }

    [Theory]
    [InlineData("/v1/outbound?application=checkout-prod&channel=sms&to=%2B13125550000", HttpStatusCode.OK, "resolve outbound --application checkout-prod --channel sms --to +13125550000")]
    [InlineData("/v1/outbound?application=checkout-prod&channel=SMS&to=%2B13125550000&sender=main-line", HttpStatusCode.OK, "resolve outbound --application checkout-prod --channel SMS --to +13125550000 --sender main-line")]
    [InlineData("/v1/outbound?channel=SMS&to=%2B13125550000", HttpStatusCode.UnprocessableEntity, "resolve outbound --application '' --channel SMS --to +13125550000")]
    [InlineData("/v1/outbound?application=other&entity=acme&channel=MMS&to=%2B13125550000", HttpStatusCode.UnprocessableEntity, "resolve outbound --application other --entity acme --channel MMS --to +13125550000")]
    [InlineData("/v1/inbound?number=%2B12015550101&channel=SMS&text=stop", HttpStatusCode.OK, "resolve inbound --number +12015550101 --channel SMS --text stop")]
    [InlineData("/v1/inbound?number=%2B12015550101&channel=SMS", HttpStatusCode.OK, "resolve inbound --number +12015550101 --channel SMS")]
    [InlineData("/v1/inbound?number=%2B12015550101&channel=VOICE", HttpStatusCode.UnprocessableEntity, "resolve inbound --number +12015550101 --channel VOICE")]
    public async Task Answers_what_resolve_prints_with_200_when_routed_and_422_when_not(string query, HttpStatusCode status, string command)
    {
        await PublishAsync(Table);

        using var response = await _http.GetAsync(query);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var answer = await response.Content.ReadAsStringAsync();
        Assert.Equal(Resolve(command), answer + "\n");
        var fields = JsonDocument.Parse(answer).RootElement;
        Assert.True(fields.GetProperty("explanation").GetArrayLength() > 0);
        Assert.Equal(status == HttpStatusCode.OK, !fields.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Reads_the_query_string_as_a_browser_encodes_a_form()
    {
        await PublishAsync(Table);

        // %2B is the number's +, + a space, and a name may be percent-encoded too.
        using var response = await _http.GetAsync("/v1/inbound?number=%2B12015550101&channel=SMS&te%78t=stop+now");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("STOP", answer.GetProperty("keyword").GetString());
        Assert.Equal("support", answer.GetProperty("applicationId").GetString());
    }

    [Theory]
    [InlineData("/v1/outbound?application=checkout-prod&to=%2B13125550000", "channel: missing")]
    [InlineData("/v1/outbound?application=checkout-prod&channel=FAX&to=%2B13125550000", "channel: 'FAX' is not a channel")]
    [InlineData("/v1/outbound?application=checkout-prod&channel=SMS", "to: missing")]
    [InlineData("/v1/outbound?application=checkout-prod&channel=SMS&to=%2B1&destination=%2B1", "destination: not a parameter of /v1/outbound")]
    [InlineData("/v1/outbound?application=checkout-prod&channel=SMS&to=%2B1&to=%2B2", "to: given more than once")]
    [InlineData("/v1/inbound?channel=SMS", "number: missing")]
    [InlineData("/v1/inbound?number=%2B12015550101&channel=3", "channel: '3' is not a channel")]
    public async Task A_malformed_request_gets_400_saying_which_parameter(string query, string message)
    {
        await PublishAsync(Table);

        using var response = await _http.GetAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("BadRequest", answer.GetProperty("error").GetString());
        Assert.StartsWith(message, answer.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Is_live_but_not_ready_until_a_table_is_mounted()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _http.GetAsync("/readyz")).StatusCode);
        using var early = await _http.GetAsync("/v1/inbound?number=%2B12015550101&channel=SMS");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
        Assert.Equal("NoRoutingTable", JsonDocument.Parse(await early.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());

        await PublishAsync(Table);

        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Metrics_count_requests_by_result_and_label_the_table_hash_and_count_reload_failures()
    {
        await PublishAsync(Table);
        await _http.GetAsync("/v1/outbound?application=checkout-prod&channel=SMS&to=%2B13125550000");
        await _http.GetAsync("/v1/outbound?application=checkout-prod&channel=SMS&to=%2B13125550000");
        await _http.GetAsync("/v1/inbound?number=%2B19995550000&channel=SMS");
        await _http.GetAsync("/v1/inbound?channel=SMS");
        var failures = new TaskCompletionSource();
        _routing.ReloadFailed += (_, _) => failures.TrySetResult();

        _kubelet.Write(new Dictionary<string, byte[]> { [RoutingTableFiles.Json] = "not json"u8.ToArray() });
        await failures.Task.WaitAsync(Patience);

        var metrics = await _http.GetStringAsync("/metrics");
        Assert.Contains("cpaasx_routing_sidecar_requests_total{direction=\"outbound\",result=\"routed\"} 2\n", metrics, StringComparison.Ordinal);
        Assert.Contains("cpaasx_routing_sidecar_requests_total{direction=\"inbound\",result=\"not_routed\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("cpaasx_routing_sidecar_requests_total{direction=\"inbound\",result=\"bad_request\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"cpaasx_routing_table_info{{hash=\"{RoutingTableJson.ContentHash(Table)}\"}} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("cpaasx_routing_table_reload_failures_total 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_tell_what_the_runtime_allocated_paused_and_collected()
    {
        await PublishAsync(Table);
        const string Allocated = "dotnet_gc_heap_total_allocated_bytes_total";
        var before = SeriesValue(await _http.GetStringAsync("/metrics"), Allocated);

        for (var i = 0; i < 20; i++)
        {
            using var response = await _http.GetAsync("/v1/outbound?application=checkout-prod&channel=SMS&to=%2B13125550000");
        }

        var metrics = await _http.GetStringAsync("/metrics");
        Assert.True(SeriesValue(metrics, Allocated) > before, "the requests allocated");
        Assert.True(SeriesValue(metrics, "dotnet_gc_pause_time_seconds_total") >= 0);
        Assert.True(SeriesValue(metrics, "dotnet_collection_count_total{generation=\"0\"}") >= 0);
    }

    private static double SeriesValue(string metrics, string series) => double.Parse(
        metrics.Split('\n').Single(line => line.StartsWith(series + " ", StringComparison.Ordinal))[(series.Length + 1)..],
        System.Globalization.CultureInfo.InvariantCulture);

    // Writes the table as the kubelet would and waits until the sidecar serves it.
    private async Task PublishAsync(byte[] table)
    {
        _kubelet.Write(new Dictionary<string, byte[]> { [RoutingTableFiles.Json] = table });
        await Eventually.UntilAsync(() => Task.FromResult(_routing.Hash == RoutingTableJson.ContentHash(table)), Patience, "the sidecar loads the table");
    }

    private string Resolve(string command)
    {
        var output = new StringWriter();
        string[] args = [.. command.Split(' ').Select(word => word == "''" ? string.Empty : word), "--routing", Path.Combine(_directory.FullName, RoutingTableFiles.Json)];
        new RootCommand { ResolveCommand.Create(_ => null) }.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = TextWriter.Null });
        return output.ToString();
    }
}
