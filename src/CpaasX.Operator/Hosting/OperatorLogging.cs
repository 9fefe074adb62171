using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Hosting;

/// <summary>
/// Console logging in the chosen format: JSON lines for collectors, single-line text for people. Timestamps are UTC and
/// say so (ISO 8601 with <c>Z</c>); scopes are written, so each line of a reconcile names its namespace.
/// </summary>
public static class OperatorLogging
{
    private const string UtcTimestamp = "yyyy-MM-ddTHH:mm:ss.fffZ";

    public static ILoggerFactory Create(LogFormat format, LogLevel minimumLevel) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(minimumLevel);
        if (format == LogFormat.Json)
        {
            builder.AddJsonConsole(json =>
            {
                json.TimestampFormat = UtcTimestamp;
                json.UseUtcTimestamp = true;
                json.IncludeScopes = true;
            });
        }
        else
        {
            builder.AddSimpleConsole(text =>
            {
                text.SingleLine = true;
                text.TimestampFormat = UtcTimestamp + " ";
                text.UseUtcTimestamp = true;
                text.IncludeScopes = true;
            });
        }
    });
}
