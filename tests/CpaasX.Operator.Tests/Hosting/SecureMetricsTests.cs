using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

using CpaasX.ApiServer.Http;
using CpaasX.ApiServer.Identity;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Tests.Support;

namespace CpaasX.Operator.Tests.Hosting;

/// <summary>
/// The secured /metrics end to end against the embedded API server, as kubebuilder v4 serves it: HTTPS, each scrape's
/// bearer token reviewed by a TokenReview and a SubjectAccessReview for get on /metrics; the probes stay plain HTTP.
/// </summary>
public sealed class SecureMetricsTests
{
    [Fact]
    public async Task A_token_allowed_to_get_metrics_reads_them_a_token_not_allowed_is_403_and_no_or_a_bad_token_is_401()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var instance = await cluster.StartOperatorAsync();
        await instance.WaitUntilReadyAsync(CancellationToken.None);

        var reader = await ScrapeAsync(instance, cluster.Server.TokenOf(ApiIdentity.MetricsReader));
        var admin = await ScrapeAsync(instance, cluster.Server.TokenOf(ApiIdentity.Admin));
        var viewer = await ScrapeAsync(instance, cluster.Server.TokenOf(ApiIdentity.Viewer));
        var anonymous = await ScrapeAsync(instance, null);
        var unknown = await ScrapeAsync(instance, "not-a-token-of-this-cluster");

        Assert.Equal("https", instance.MetricsAddress!.Scheme);
        Assert.Equal(HttpStatusCode.OK, reader.Status);
        Assert.Contains("# TYPE controller_runtime_reconcile_total counter", reader.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.Status);
        Assert.Equal("Authorization denied for user cpaasx-embedded-viewer\n", viewer.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.DoesNotContain("controller_runtime", viewer.Body + anonymous.Body + unknown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_scrape_is_reviewed_by_the_operator_a_token_review_then_a_subject_access_review()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var instance = await cluster.StartOperatorAsync();
        var reviewsBefore = Reviews(cluster);

        await ScrapeAsync(instance, cluster.Server.TokenOf(ApiIdentity.MetricsReader));
        await ScrapeAsync(instance, "not-a-token-of-this-cluster");

        // The allowed scrape asked both; the unknown token stopped at the TokenReview.
        Assert.Equal(
            [("tokenreviews", ApiIdentity.Operator.UserName), ("subjectaccessreviews", ApiIdentity.Operator.UserName), ("tokenreviews", ApiIdentity.Operator.UserName)],
            Reviews(cluster).Skip(reviewsBefore.Count));
    }

    [Fact]
    public async Task The_probes_answer_on_their_own_port_in_plain_HTTP_without_a_token_and_serve_no_metrics()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var instance = await cluster.StartOperatorAsync();
        await instance.WaitUntilReadyAsync(CancellationToken.None);
        using var probes = new HttpClient { BaseAddress = instance.HttpAddress };

        Assert.Equal("http", instance.HttpAddress.Scheme);
        Assert.NotEqual(instance.HttpAddress.Port, instance.MetricsAddress!.Port);
        Assert.Equal(HttpStatusCode.OK, (await probes.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probes.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await probes.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Without_security_the_metrics_are_plain_HTTP_to_anyone_and_address_0_serves_none()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        var open = await cluster.StartOperatorAsync(new OperatorOptions { MetricsSecure = false });
        var none = await cluster.StartOperatorAsync(new OperatorOptions { MetricsEndpoint = null });

        var scrape = await ScrapeAsync(open, null);

        Assert.Equal("http", open.MetricsAddress!.Scheme);
        Assert.Equal(HttpStatusCode.OK, scrape.Status);
        Assert.Contains("controller_runtime_reconcile_total", scrape.Body, StringComparison.Ordinal);
        Assert.Null(none.MetricsAddress);
    }

    [Fact]
    public async Task A_certificate_directory_is_served_and_a_renewed_certificate_is_served_without_a_restart()
    {
        var directory = Directory.CreateTempSubdirectory("cpaasx-metrics-certs-");
        try
        {
            using var first = ServerCertificate.Create("first");
            using var renewed = ServerCertificate.Create("renewed");
            WritePem(directory.FullName, first);
            await using var cluster = await OperatorCluster.StartAsync();
            var instance = await cluster.StartOperatorAsync(new OperatorOptions { MetricsCertDirectory = directory.FullName });

            var servedFirst = await PresentedCertificateAsync(instance, cluster.Server.TokenOf(ApiIdentity.MetricsReader));
            WritePem(directory.FullName, renewed);
            var servedAfterRenewal = await PresentedCertificateAsync(instance, cluster.Server.TokenOf(ApiIdentity.MetricsReader));

            Assert.Equal(first.Thumbprint, servedFirst);
            Assert.Equal(renewed.Thumbprint, servedAfterRenewal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_certificate_directory_without_a_pem_certificate_and_key_is_a_usage_error_naming_it()
    {
        var directory = Directory.CreateTempSubdirectory("cpaasx-metrics-certs-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, MetricsCertificate.CertificateFile), "not a certificate");
            File.WriteAllText(Path.Combine(directory.FullName, MetricsCertificate.KeyFile), "not a key");

            var error = Assert.Throws<UsageException>(() => MetricsCertificate.Load(directory.FullName));

            Assert.StartsWith($"--metrics-cert-dir: '{directory.FullName}' holds no PEM certificate and key in tls.crt and tls.key", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> ScrapeAsync(OperatorInstance instance, string? token)
    {
        using var http = OperatorCluster.MetricsClient(instance, token);
        using var response = await http.GetAsync("/metrics");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static List<(string Resource, string User)> Reviews(OperatorCluster cluster) =>
        [.. cluster.Server.RequestLog.Snapshot()
            .Where(request => request.Verb == "create" && request.Resource is "tokenreviews" or "subjectaccessreviews")
            .Select(request => (request.Resource, request.User))];

    /// <summary>The thumbprint of the certificate the metrics endpoint presents on a new connection (a scrape that must succeed).</summary>
    private static async Task<string?> PresentedCertificateAsync(OperatorInstance instance, string token)
    {
        string? presented = null;
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    presented = certificate?.GetCertHashString();
                    return true;
                },
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = instance.MetricsAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return presented;
    }

    private static void WritePem(string directory, X509Certificate2 certificate)
    {
        File.WriteAllText(Path.Combine(directory, "tls.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "tls.key"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }
}
