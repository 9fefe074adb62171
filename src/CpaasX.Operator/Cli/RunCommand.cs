using System.CommandLine;

using CpaasX.Operator.Hosting;

namespace CpaasX.Operator.Cli;

/// <summary>
/// <c>run</c>: the operator against a cluster (kubeconfig or in-cluster), until SIGTERM or Ctrl+C. Every flag has an
/// environment variable; the flag wins. docs/operator.md lists them.
/// </summary>
internal static class RunCommand
{
    /// <summary>
    /// How long <c>run</c> may take to stop after SIGTERM before the process is ended: the controller's grace for
    /// in-flight reconciles plus the lease release (at most its renew deadline), within the Deployment's 30 s
    /// terminationGracePeriodSeconds. (System.CommandLine's own default, 2 s, cut reconciles and the release short.)
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <summary>The exit code of a <c>run</c> whose operator loop failed, so that the Pod restarts.</summary>
    public const int LoopFailedExitCode = 1;

    public static Command Create(Func<string, string?>? environment = null)
    {
        var namespaces = Flag("--namespaces", "Namespaces to watch, comma-separated (default all).", OperatorOptionsReader.NamespacesVariable);
        var configMapName = Flag("--configmap-name", $"Name of each namespace's routing ConfigMap (default {OperatorOptions.DefaultConfigMapName}).", OperatorOptionsReader.ConfigMapNameVariable);
        var workers = Flag("--workers", "Namespaces reconciled in parallel (default 2).", OperatorOptionsReader.WorkersVariable);
        var settleDelay = Flag("--settle-delay", "How long a namespace's changes must pause before it is reconciled, e.g. 100ms; 0 reconciles at once (default 100ms).", OperatorOptionsReader.SettleDelayVariable);
        var leaderElect = BooleanFlag("--leader-elect", "Only the holder of the Lease writes", OperatorOptionsReader.LeaderElectVariable);
        var leaseNamespace = Flag("--lease-namespace", "Namespace of the Lease (default POD_NAMESPACE, else default).", OperatorOptionsReader.LeaseNamespaceVariable);
        var leaseName = new Option<string?>("--lease-name") { Description = "Name of the Lease (default cpaasx-operator)." };
        var httpAddress = Flag("--http-address", "IP:PORT of the probes /healthz and /readyz, plain HTTP (default 0.0.0.0:8080; port 0 picks one).", OperatorOptionsReader.HttpAddressVariable);
        var metricsAddress = Flag("--metrics-address", $"IP:PORT of /metrics (default 0.0.0.0:8443; port 0 picks one; {OperatorOptionsReader.MetricsOff} serves none).", OperatorOptionsReader.MetricsAddressVariable);
        var metricsSecure = BooleanFlag(
            "--metrics-secure", "/metrics over HTTPS, each scrape's bearer token checked by a TokenReview and a SubjectAccessReview (default true)", OperatorOptionsReader.MetricsSecureVariable);
        var metricsCertDir = Flag("--metrics-cert-dir", "Directory with tls.crt and tls.key for the secured /metrics (default a self-signed certificate).", OperatorOptionsReader.MetricsCertDirVariable);
        var logFormat = Flag("--log-format", "json or text (default text).", OperatorOptionsReader.LogFormatVariable);
        var logLevel = Flag("--log-level", "debug, info, warning or error (default info).", OperatorOptionsReader.LogLevelVariable);
        var kubeconfig = Flag("--kubeconfig", "The cluster's kubeconfig (default KUBECONFIG, else ~/.kube/config, else in-cluster).", ClusterConnection.KubeconfigVariable);
        var command = new Command("run", "Run the operator against a Kubernetes cluster.")
        {
            namespaces, configMapName, workers, settleDelay, leaderElect, leaseNamespace, leaseName, httpAddress, metricsAddress, metricsSecure, metricsCertDir,
            logFormat, logLevel, kubeconfig,
        };
        command.Action = new AsyncUsageCheckedAction(async (parse, cancellationToken) =>
        {
            var flags = new OperatorFlags
            {
                Namespaces = parse.GetValue(namespaces),
                ConfigMapName = parse.GetValue(configMapName),
                Workers = parse.GetValue(workers),
                SettleDelay = parse.GetValue(settleDelay),
                LeaderElect = BooleanValue(parse, leaderElect),
                LeaseNamespace = parse.GetValue(leaseNamespace),
                LeaseName = parse.GetValue(leaseName),
                HttpAddress = parse.GetValue(httpAddress),
                MetricsAddress = parse.GetValue(metricsAddress),
                MetricsSecure = BooleanValue(parse, metricsSecure),
                MetricsCertDir = parse.GetValue(metricsCertDir),
                LogFormat = parse.GetValue(logFormat),
                LogLevel = parse.GetValue(logLevel),
                Kubeconfig = parse.GetValue(kubeconfig),
            };
            var options = OperatorOptionsReader.Read(flags, environment ?? Environment.GetEnvironmentVariable);
            var configuration = ClusterConnection.Configure(options.KubeconfigFiles);
            using var loggerFactory = OperatorLogging.Create(options.LogFormat, options.LogLevel);
            await using var running = await OperatorInstance.StartAsync(options, configuration, loggerFactory, cancellationToken);
            await Task.WhenAny(WaitForShutdownAsync(cancellationToken), running.Completion);
            return running.Failure is null ? 0 : LoopFailedExitCode;
        });
        return command;
    }

    /// <summary>Waits for Ctrl+C or SIGTERM; disposing the instance then stops it gracefully.</summary>
    internal static async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The signal to stop.
        }
    }

    private static Option<string?> Flag(string name, string description, string variable) =>
        new(name) { Description = $"{description} [env {variable}]" };

    /// <summary>A flag that is true or false (<c>--flag=false</c>); given bare, it means true.</summary>
    private static Option<string?> BooleanFlag(string name, string description, string variable) =>
        new(name) { Description = $"{description}: true or false; the bare flag means true. [env {variable}]", Arity = ArgumentArity.ZeroOrOne };

    private static string? BooleanValue(ParseResult parse, Option<string?> flag) =>
        parse.GetResult(flag) is null ? null : parse.GetValue(flag) ?? bool.TrueString;
}
