using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

using CpaasX.Operator.Api.Markers;
using CpaasX.Operator.Reconciliation;

using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Hosting;

/// <summary>
/// Builds <see cref="OperatorOptions"/> from flags and environment variables: a flag wins over its variable, the
/// variable over the default. Any invalid value is a <see cref="UsageException"/> naming the flag or variable.
/// </summary>
internal static partial class OperatorOptionsReader
{
    public const string NamespacesVariable = "CPAASX_NAMESPACES";
    public const string ConfigMapNameVariable = "CPAASX_CONFIGMAP_NAME";
    public const string WorkersVariable = "CPAASX_WORKERS";
    public const string SettleDelayVariable = "CPAASX_SETTLE_DELAY";
    public const string LeaderElectVariable = "CPAASX_LEADER_ELECT";
    public const string LeaseNamespaceVariable = "CPAASX_LEASE_NAMESPACE";
    public const string HttpAddressVariable = "CPAASX_HTTP_ADDRESS";
    public const string MetricsAddressVariable = "CPAASX_METRICS_ADDRESS";
    public const string MetricsSecureVariable = "CPAASX_METRICS_SECURE";
    public const string MetricsCertDirVariable = "CPAASX_METRICS_CERT_DIR";

    /// <summary>The metrics address that serves no metrics, as kubebuilder's <c>--metrics-bind-address=0</c>.</summary>
    public const string MetricsOff = "0";
    public const string LogFormatVariable = "CPAASX_LOG_FORMAT";
    public const string LogLevelVariable = "CPAASX_LOG_LEVEL";

    /// <summary>Set by the Deployment from the downward API: the operator's own namespace, where its Lease lives.</summary>
    public const string PodNamespaceVariable = "POD_NAMESPACE";

    /// <summary>More workers than this only contend for the same API server; namespaces are coarse keys.</summary>
    public const int MaxWorkers = 64;

    public static OperatorOptions Read(OperatorFlags flags, Func<string, string?> environment)
    {
        var defaults = new OperatorOptions();
        string? Pick(string? flag, string variable) => flag ?? NonEmpty(environment(variable));

        var namespaces = Pick(flags.Namespaces, NamespacesVariable) is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        foreach (var @namespace in namespaces)
        {
            Require(DnsLabel().IsMatch(@namespace), "--namespaces", NamespacesVariable, $"'{@namespace}' is not a namespace name");
        }

        var configMapName = Pick(flags.ConfigMapName, ConfigMapNameVariable) ?? defaults.ConfigMapName;
        Require(IsDnsSubdomain(configMapName), "--configmap-name", ConfigMapNameVariable, $"'{configMapName}' is not a ConfigMap name");

        var workersText = Pick(flags.Workers, WorkersVariable);
        var workers = defaults.Workers;
        if (workersText is not null)
        {
            Require(
                int.TryParse(workersText, NumberStyles.None, CultureInfo.InvariantCulture, out workers) && workers is >= 1 and <= MaxWorkers,
                "--workers", WorkersVariable, $"'{workersText}' is not a number from 1 to {MaxWorkers}");
        }

        var settleDelayText = Pick(flags.SettleDelay, SettleDelayVariable);
        var settleDelay = defaults.SettleDelay;
        if (settleDelayText is not null)
        {
            var parsed = Milliseconds().Match(settleDelayText);
            settleDelay = TimeSpan.FromMilliseconds(parsed.Groups[1].Success ? int.Parse(parsed.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
            Require(
                parsed.Success && settleDelay <= NamespaceEnqueuer.MaxSettleDelay,
                "--settle-delay", SettleDelayVariable, $"'{settleDelayText}' is not 0 or milliseconds up to {NamespaceEnqueuer.MaxSettleDelay.TotalMilliseconds:0}ms (e.g. 100ms)");
        }

        var leaderElect = Boolean(Pick(flags.LeaderElect, LeaderElectVariable), "--leader-elect", LeaderElectVariable, defaults.LeaderElect);

        var leaseNamespace = Pick(flags.LeaseNamespace, LeaseNamespaceVariable) ?? NonEmpty(environment(PodNamespaceVariable)) ?? defaults.LeaseNamespace;
        Require(DnsLabel().IsMatch(leaseNamespace), "--lease-namespace", LeaseNamespaceVariable, $"'{leaseNamespace}' is not a namespace name");

        var leaseName = flags.LeaseName ?? defaults.LeaseName;
        Require(IsDnsSubdomain(leaseName), "--lease-name", null, $"'{leaseName}' is not a Lease name");

        var httpEndpoint = Endpoint(Pick(flags.HttpAddress, HttpAddressVariable), "--http-address", HttpAddressVariable) ?? defaults.HttpEndpoint;
        var metricsAddress = Pick(flags.MetricsAddress, MetricsAddressVariable);
        var metricsEndpoint = metricsAddress == MetricsOff ? null : Endpoint(metricsAddress, "--metrics-address", MetricsAddressVariable) ?? defaults.MetricsEndpoint;
        var metricsSecure = Boolean(Pick(flags.MetricsSecure, MetricsSecureVariable), "--metrics-secure", MetricsSecureVariable, defaults.MetricsSecure);
        var metricsCertDir = Pick(flags.MetricsCertDir, MetricsCertDirVariable);
        if (metricsCertDir is not null)
        {
            Require(
                File.Exists(Path.Combine(metricsCertDir, MetricsCertificate.CertificateFile)) && File.Exists(Path.Combine(metricsCertDir, MetricsCertificate.KeyFile)),
                "--metrics-cert-dir", MetricsCertDirVariable, $"'{metricsCertDir}' has no {MetricsCertificate.CertificateFile} and {MetricsCertificate.KeyFile}");
        }

        var logFormatText = Pick(flags.LogFormat, LogFormatVariable);
        var logFormat = logFormatText switch
        {
            null => defaults.LogFormat,
            "json" => LogFormat.Json,
            "text" => LogFormat.Text,
            _ => throw Invalid("--log-format", LogFormatVariable, $"'{logFormatText}' is not json or text"),
        };

        var logLevelText = Pick(flags.LogLevel, LogLevelVariable);
        var logLevel = logLevelText switch
        {
            null => defaults.LogLevel,
            "debug" => LogLevel.Debug,
            "info" => LogLevel.Information,
            "warning" => LogLevel.Warning,
            "error" => LogLevel.Error,
            _ => throw Invalid("--log-level", LogLevelVariable, $"'{logLevelText}' is not debug, info, warning or error"),
        };

        return defaults with
        {
            Namespaces = [.. namespaces.Distinct(StringComparer.Ordinal)],
            ConfigMapName = configMapName,
            Workers = workers,
            SettleDelay = settleDelay,
            LeaderElect = leaderElect,
            LeaseNamespace = leaseNamespace,
            LeaseName = leaseName,
            HttpEndpoint = httpEndpoint,
            MetricsEndpoint = metricsEndpoint,
            MetricsSecure = metricsSecure,
            MetricsCertDirectory = metricsCertDir,
            LogFormat = logFormat,
            LogLevel = logLevel,
            KubeconfigFiles = ClusterConnection.KubeconfigFiles(flags.Kubeconfig, environment(ClusterConnection.KubeconfigVariable), environment(ClusterConnection.HomeVariable)),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An address HOST:PORT with an IP host; null when <paramref name="text"/> is.</summary>
    private static IPEndPoint? Endpoint(string? text, string flag, string variable)
    {
        if (text is null)
        {
            return null;
        }

        Require(IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal), flag, variable, $"'{text}' is not an address HOST:PORT with an IP host");
        return endpoint;
    }

    private static bool Boolean(string? text, string flag, string variable, bool defaultValue)
    {
        var value = defaultValue;
        Require(text is null || bool.TryParse(text, out value), flag, variable, $"'{text}' is not true or false");
        return value;
    }

    private static bool IsDnsSubdomain(string name) => FieldRules.ObjectName.Check(name).Count == 0;

    private static void Require(bool valid, string flag, string? variable, string problem)
    {
        if (!valid)
        {
            throw Invalid(flag, variable, problem);
        }
    }

    private static UsageException Invalid(string flag, string? variable, string problem) =>
        new(variable is null ? $"{flag}: {problem}." : $"{flag} (or {variable}): {problem}.");

    /// <summary>A namespace name: an RFC 1123 label (object names, a subdomain, follow <see cref="FieldRules.ObjectName"/>).</summary>
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    /// <summary>A delay in milliseconds, <c>100ms</c>, or <c>0</c> for none.</summary>
    [GeneratedRegex("^(?:0|([0-9]{1,5})ms)$")]
    private static partial Regex Milliseconds();
}
