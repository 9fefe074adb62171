using System.Net;

using CpaasX.Operator.Hosting;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Tests.Hosting;

public sealed class OperatorOptionsReaderTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Without_flags_or_environment_the_defaults_apply()
    {
        var options = OperatorOptionsReader.Read(new OperatorFlags(), NoEnvironment);

        Assert.Empty(options.Namespaces);
        Assert.Equal("cpaasx-routing", options.ConfigMapName);
        Assert.Equal(2, options.Workers);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.SettleDelay);
        Assert.False(options.LeaderElect);
        Assert.Equal("default", options.LeaseNamespace);
        Assert.Equal("cpaasx-operator", options.LeaseName);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 8080), options.HttpEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 8443), options.MetricsEndpoint);
        Assert.True(options.MetricsSecure);
        Assert.Null(options.MetricsCertDirectory);
        Assert.Equal(LogFormat.Text, options.LogFormat);
        Assert.Equal(LogLevel.Information, options.LogLevel);
        Assert.Empty(options.KubeconfigFiles);
    }

    [Fact]
    public void The_environment_fills_what_flags_leave_out_and_flags_win()
    {
        var environment = new Dictionary<string, string>
        {
            ["CPAASX_NAMESPACES"] = "shop, helpdesk,shop",
            ["CPAASX_CONFIGMAP_NAME"] = "routing-from-env",
            ["CPAASX_WORKERS"] = "8",
            ["CPAASX_SETTLE_DELAY"] = "50ms",
            ["CPAASX_LEADER_ELECT"] = "true",
            ["POD_NAMESPACE"] = "cpaasx-system",
            ["CPAASX_HTTP_ADDRESS"] = "0.0.0.0:8080",
            ["CPAASX_METRICS_ADDRESS"] = "0.0.0.0:9443",
            ["CPAASX_METRICS_SECURE"] = "false",
            ["CPAASX_METRICS_CERT_DIR"] = "/env/certs",
            ["CPAASX_LOG_FORMAT"] = "json",
            ["CPAASX_LOG_LEVEL"] = "error",
            ["KUBECONFIG"] = "/env/kubeconfig",
        };

        var certificates = CertificateDirectory();
        var options = OperatorOptionsReader.Read(
            new OperatorFlags
            {
                ConfigMapName = "routing-from-flag",
                Workers = "3",
                HttpAddress = "127.0.0.1:0",
                MetricsAddress = "127.0.0.1:8443",
                MetricsSecure = "true",
                MetricsCertDir = certificates.FullName,
                LogLevel = "debug",
                Kubeconfig = "flag.kubeconfig",
            },
            environment.GetValueOrDefault);

        Assert.Equal(["shop", "helpdesk"], options.Namespaces);
        Assert.Equal("routing-from-flag", options.ConfigMapName);
        Assert.Equal(3, options.Workers);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.SettleDelay);
        Assert.True(options.LeaderElect);
        Assert.Equal("cpaasx-system", options.LeaseNamespace);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 0), options.HttpEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8443), options.MetricsEndpoint);
        Assert.True(options.MetricsSecure);
        Assert.Equal(certificates.FullName, options.MetricsCertDirectory);
        Assert.Equal(LogFormat.Json, options.LogFormat);
        Assert.Equal(LogLevel.Debug, options.LogLevel);
        Assert.Equal(["flag.kubeconfig"], options.KubeconfigFiles);
    }

    [Theory]
    [InlineData(null, new string[0])]
    [InlineData("", new string[0])]
    [InlineData("/env/kubeconfig", new[] { "/env/kubeconfig" })]
    public void Kubeconfig_variable_unset_or_empty_means_in_cluster_and_set_names_the_files(string? variable, string[] files)
    {
        var options = OperatorOptionsReader.Read(new OperatorFlags(), name => name == "KUBECONFIG" ? variable : null);

        Assert.Equal(files, options.KubeconfigFiles);
    }

    [Fact]
    public void The_kubeconfig_variable_is_a_path_list()
    {
        var options = OperatorOptionsReader.Read(new OperatorFlags(), name => name == "KUBECONFIG" ? $"a{Path.PathSeparator}b" : null);

        Assert.Equal(["a", "b"], options.KubeconfigFiles);
    }

    [Fact]
    public void The_lease_namespace_variable_wins_over_the_pod_namespace()
    {
        var environment = new Dictionary<string, string> { ["POD_NAMESPACE"] = "cpaasx-system", ["CPAASX_LEASE_NAMESPACE"] = "leases" };

        Assert.Equal("leases", OperatorOptionsReader.Read(new OperatorFlags(), environment.GetValueOrDefault).LeaseNamespace);
    }

    [Fact]
    public void Metrics_address_0_serves_no_metrics_and_the_environment_may_turn_security_off()
    {
        var environment = new Dictionary<string, string> { ["CPAASX_METRICS_ADDRESS"] = "0", ["CPAASX_METRICS_SECURE"] = "false" };

        var options = OperatorOptionsReader.Read(new OperatorFlags(), environment.GetValueOrDefault);

        Assert.Null(options.MetricsEndpoint);
        Assert.False(options.MetricsSecure);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("0ms", 0)]
    [InlineData("1500ms", 1500)]
    [InlineData("10000ms", 10_000)]
    public void The_settle_delay_is_read_in_milliseconds(string value, int milliseconds)
    {
        var options = OperatorOptionsReader.Read(new OperatorFlags { SettleDelay = value }, NoEnvironment);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), options.SettleDelay);
    }

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--workers", "many")]
    [InlineData("--workers", "65")]
    [InlineData("--settle-delay", "200")]
    [InlineData("--settle-delay", "1s")]
    [InlineData("--settle-delay", "10001ms")]
    [InlineData("--settle-delay", "-5ms")]
    [InlineData("--leader-elect", "yes")]
    [InlineData("--http-address", "8080")]
    [InlineData("--http-address", "localhost:8080")]
    [InlineData("--http-address", "127.0.0.1:99999")]
    [InlineData("--metrics-address", "8443")]
    [InlineData("--metrics-secure", "on")]
    [InlineData("--metrics-cert-dir", "no-such-directory")]
    [InlineData("--log-format", "xml")]
    [InlineData("--log-level", "verbose")]
    [InlineData("--configmap-name", "Routing_Table")]
    [InlineData("--namespaces", "shop,Not A Namespace")]
    [InlineData("--lease-name", "-lease")]
    public void An_invalid_flag_is_a_usage_error_naming_it(string flag, string value)
    {
        var flags = flag switch
        {
            "--workers" => new OperatorFlags { Workers = value },
            "--settle-delay" => new OperatorFlags { SettleDelay = value },
            "--leader-elect" => new OperatorFlags { LeaderElect = value },
            "--http-address" => new OperatorFlags { HttpAddress = value },
            "--metrics-address" => new OperatorFlags { MetricsAddress = value },
            "--metrics-secure" => new OperatorFlags { MetricsSecure = value },
            "--metrics-cert-dir" => new OperatorFlags { MetricsCertDir = value },
            "--log-format" => new OperatorFlags { LogFormat = value },
            "--log-level" => new OperatorFlags { LogLevel = value },
            "--configmap-name" => new OperatorFlags { ConfigMapName = value },
            "--namespaces" => new OperatorFlags { Namespaces = value },
            _ => new OperatorFlags { LeaseName = value },
        };

        var error = Assert.Throws<UsageException>(() => OperatorOptionsReader.Read(flags, NoEnvironment));

        Assert.StartsWith(flag, error.Message, StringComparison.Ordinal);
        Assert.Contains(value.Split(',')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_environment_value_names_the_variable()
    {
        var error = Assert.Throws<UsageException>(() => OperatorOptionsReader.Read(new OperatorFlags(), name => name == "CPAASX_WORKERS" ? "-1" : null));

        Assert.Contains("CPAASX_WORKERS", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A directory holding a tls.crt and a tls.key (their content is read only when the metrics start).</summary>
    private static DirectoryInfo CertificateDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("cpaasx-options-");
        File.WriteAllText(Path.Combine(directory.FullName, "tls.crt"), "");
        File.WriteAllText(Path.Combine(directory.FullName, "tls.key"), "");
        return directory;
    }
}
