using Microsoft.Extensions.Logging;

namespace CpaasX.Operator.Hosting;

/// <summary>Console logging in the chosen format: JSON lines for collectors, single-line text for people.</summary>
public static class OperatorLogging
{
    public static ILoggerFactory Create(LogFormat format) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(LogLevel.Information);
        if (format == LogFormat.Json)
        {
            builder.AddJsonConsole(json => json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        }
        else
        {
            builder.AddSimpleConsole(text =>
            {
                text.SingleLine = true;
                text.TimestampFormat = "HH:mm:ss ";
            });
        }
    });
}
