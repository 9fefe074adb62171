using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CpaasX.Benchmarks;

/// <summary>
/// An open-loop HTTP/1.1 load on loopback that disturbs what it measures as little as it can: requests leave on
/// schedule whatever the answers take (a slow answer never delays the next request; a request finding every
/// keep-alive connection busy opens another), the pacing thread sleeps instead of spinning (on two cores a spinning
/// sender takes a core from the server), each connection's answers are read by a thread of its own, and sending and
/// reading allocate nothing per request, so the generator does not collect garbage while it measures. Thread.Sleep's
/// resolution is about a millisecond, so requests leave in small bursts (five per wake-up at 5,000/s); how late each
/// left against its schedule is recorded beside its latency.
/// </summary>
internal sealed class OpenLoopHttpLoad : IDisposable
{
    private readonly IPEndPoint _server;
    private readonly byte[][] _requests;
    private readonly Stack<Connection> _idle = new();
    private readonly List<Connection> _all = [];
    private LoadRun? _run;
    private volatile bool _disposed;

    /// <param name="paths">The request targets (path and query), sent in turn.</param>
    public OpenLoopHttpLoad(IPEndPoint server, IReadOnlyList<string> paths)
    {
        _server = server;
        _requests = [.. paths.Select(path => Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {server}\r\n\r\n"))];
    }

    /// <summary>Sends <paramref name="rate"/> requests a second for <paramref name="seconds"/> and waits for every answer.</summary>
    public async Task<LoadRun> RunAsync(int rate, int seconds)
    {
        var run = new LoadRun(rate * seconds);
        _run = run;
        var started = Stopwatch.GetTimestamp();
        await Task.Factory.StartNew(() => Pace(run, rate, started), TaskCreationOptions.LongRunning);
        await run.AllAnswered.Task.WaitAsync(TimeSpan.FromMinutes(2));
        run.Elapsed = Stopwatch.GetElapsedTime(started);
        return run;
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var connection in _all)
        {
            connection.Socket.Dispose();
        }
    }

    // Sends request i at started + i / rate, or as soon after as the thread wakes.
    private void Pace(LoadRun run, int rate, long started)
    {
        var total = run.Latencies.Length;
        for (var next = 0; next < total;)
        {
            var now = Stopwatch.GetTimestamp();
            long Due(int index) => started + (long)((double)index * Stopwatch.Frequency / rate);
            for (; next < total && Due(next) <= now; next++)
            {
                run.Lateness[next] = now - Due(next);
                Send(next, Stopwatch.GetTimestamp());
            }

            if (next < total)
            {
                Thread.Sleep(1);
            }
        }
    }

    private void Send(int index, long sent)
    {
        Connection? connection;
        lock (_idle)
        {
            _idle.TryPop(out connection);
        }

        connection ??= Open();
        connection.Index = index;
        connection.Sent = sent;
        connection.Socket.Send(_requests[index % _requests.Length]);
    }

    private Connection Open()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(_server);
        var connection = new Connection(socket);
        _all.Add(connection);
        new Thread(() => ReadAnswers(connection)) { IsBackground = true, Name = "answers" }.Start();
        return connection;
    }

    // Reads one whole answer per request sent on the connection (no pipelining), then gives the connection back. A
    // blocking read on a thread of its own takes the time as soon as the answer arrives: an asynchronous read would
    // wait for the socket engine to hand it to a thread-pool thread, and took about twice the CPU.
    private void ReadAnswers(Connection connection)
    {
        var buffer = new byte[4096];
        var filled = 0;
        try
        {
            while (true)
            {
                var read = connection.Socket.Receive(buffer.AsSpan(filled), SocketFlags.None);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                if (!IsWholeAnswer(buffer.AsSpan(0, filled), out var status))
                {
                    continue;
                }

                var answered = Stopwatch.GetTimestamp();
                var run = _run!;
                run.Latencies[connection.Index] = answered - connection.Sent;
                if (status is not (200 or 422))
                {
                    Interlocked.Increment(ref run.Failures);
                }

                filled = 0;
                lock (_idle)
                {
                    _idle.Push(connection);
                }

                if (Interlocked.Increment(ref run.Answered) == run.Latencies.Length)
                {
                    run.AllAnswered.TrySetResult();
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException && _disposed)
        {
            // The load is over.
        }
    }

    // An answer with a Content-Length, or chunked, read to its end.
    private static bool IsWholeAnswer(ReadOnlySpan<byte> received, out int status)
    {
        status = 0;
        var headersEnd = received.IndexOf("\r\n\r\n"u8);
        if (headersEnd < 0 || !Utf8Parser.TryParse(received[9..12], out status, out _))
        {
            return false;
        }

        var headers = received[..headersEnd];
        var lengthAt = headers.IndexOf("\r\nContent-Length: "u8);
        if (lengthAt >= 0 && Utf8Parser.TryParse(headers[(lengthAt + 18)..], out int length, out _))
        {
            return received.Length >= headersEnd + 4 + length;
        }

        return received.EndsWith("\r\n0\r\n\r\n"u8);
    }

    private sealed class Connection(Socket socket)
    {
        public Socket Socket { get; } = socket;

        public int Index { get; set; }

        public long Sent { get; set; }
    }
}

/// <summary>One run of <see cref="OpenLoopHttpLoad"/>: per request, its latency and how late it left, in Stopwatch ticks.</summary>
internal sealed class LoadRun(int requests)
{
    public long[] Latencies { get; } = new long[requests];

    public long[] Lateness { get; } = new long[requests];

    public TaskCompletionSource AllAnswered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Elapsed { get; set; }

    public int Failures;

    public int Answered;
}
