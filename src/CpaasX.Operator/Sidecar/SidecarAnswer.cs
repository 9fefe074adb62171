using System.Buffers;
using System.Text.Json;

using CpaasX.Routing.Resolution;

using Microsoft.AspNetCore.Http;

namespace CpaasX.Operator.Sidecar;

/// <summary>
/// The JSON answer to one sidecar request, written into a buffer that each thread keeps for its requests and sent with
/// its length. A fresh node tree, string and writer per answer were most of what the sidecar allocated per request, and
/// the collections they caused were its slowest percent (docs/performance.md).
/// </summary>
internal sealed class SidecarAnswer
{
    private const string JsonContentType = "application/json; charset=utf-8";

    [ThreadStatic]
    private static SidecarAnswer? _threadAnswer;

    private readonly ArrayBufferWriter<byte> _output = new(4096);

    private SidecarAnswer() => Writer = new Utf8JsonWriter(_output, ResolutionJson.WriterOptions);

    public Utf8JsonWriter Writer { get; }

    /// <summary>This thread's answer, emptied. Write it and send it before anything awaits.</summary>
    public static SidecarAnswer Start()
    {
        var answer = _threadAnswer ??= new SidecarAnswer();
        answer._output.ResetWrittenCount();
        answer.Writer.Reset(answer._output);
        return answer;
    }

    /// <summary>Copies the answer into the response at once, so the buffer is free for the thread's next request.</summary>
    public Task SendAsync(HttpResponse response, int status)
    {
        Writer.Flush();
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        response.ContentLength = _output.WrittenCount;
        response.BodyWriter.Write(_output.WrittenSpan);
        return FlushAsync(response);
    }

    // Awaited here rather than returned as ValueTask.AsTask(), which would allocate a task per answer.
    private static async Task FlushAsync(HttpResponse response) => await response.BodyWriter.FlushAsync();
}
