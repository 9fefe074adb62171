using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CpaasX.Benchmarks;

/// <summary>What the scenarios that start the operator's executable as a child process need around it.</summary>
internal static class ChildProcesses
{
    /// <summary>A loopback port free at the time of asking, for a child that must be told its port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The process's peak resident set (VmHWM), in MB.</summary>
    public static long PeakRssMegabytes(Process process) =>
        long.Parse(File.ReadLines($"/proc/{process.Id}/status").First(line => line.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
