using System.Threading.Channels;

using CpaasX.Operator.Api.Serialization;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Writing;

using k8s;

using Microsoft.AspNetCore.Http;

namespace CpaasX.Operator.WebConsole;

/// <summary>
/// Live updates: a watch of every cpaasx.io kind in scope, made as the user, relayed to the page as server-sent events.
/// The stream sends <c>ready</c> once every watch is open (the page then reloads its live parts once, so nothing
/// changed between its render and the watches is missed) and <c>change</c> (data: the kind) for each change after.
/// The watches ask for metadata only: the page re-renders itself from the server; it needs to know when, not what.
/// </summary>
internal sealed class LiveEvents(ApiHttp api, string? @namespace)
{
    public const string Path = "/events";

    private static readonly ListWatchSettings MetadataOnly = new() { MetadataOnly = true };

    /// <summary>Streams the events until the browser leaves or the console stops.</summary>
    public async Task StreamAsync(HttpContext context, CancellationToken stopping)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = ended.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        // One writer: the watches of every kind post here and the loop below writes in order.
        var events = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var settled = 0;
        var watches = CustomResourceKinds.All.Select(kind => WatchAsync(kind, events.Writer, () =>
        {
            if (Interlocked.Increment(ref settled) == CustomResourceKinds.All.Count)
            {
                events.Writer.TryWrite(Event("ready", "watching"));
            }
        }, cancellationToken)).ToList();

        try
        {
            // The headers go out at once: the browser's EventSource counts as connected from here.
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var line in events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await response.WriteAsync(line, cancellationToken).ConfigureAwait(false);
                await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser left or the console stops: the stream simply ends.
        }
        finally
        {
            await ended.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(watches).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Lists one kind for the resourceVersion to start from (then calls <paramref name="settled"/>, as it does when the
    /// list is refused), then watches from there for as long as the page is open, resuming after each watch ends (the
    /// API server closes them on a timeout) and listing again when the version has expired. A kind the user may not
    /// list or watch is left out: its pages show the refusal themselves.
    /// </summary>
    private async Task WatchAsync(CustomResourceKind kind, ChannelWriter<string> events, Action settled, CancellationToken cancellationToken)
    {
        var client = new ApiListWatchClient<PartialObjectMetadata>(api, kind.ApiResource, CpaasxJson.Options, MetadataOnly);
        try
        {
            string resourceVersion;
            try
            {
                resourceVersion = (await client.ListAsync(@namespace, null, cancellationToken).ConfigureAwait(false)).ResourceVersion;
            }
            finally
            {
                settled();
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                await foreach (var change in client.WatchAsync(@namespace, null, resourceVersion, cancellationToken).ConfigureAwait(false))
                {
                    if (change.IsExpired)
                    {
                        // Changes may have been missed: list again and tell the page to refresh.
                        resourceVersion = (await client.ListAsync(@namespace, null, cancellationToken).ConfigureAwait(false)).ResourceVersion;
                        events.TryWrite(Event("change", kind.Kind));
                        break;
                    }

                    if (change.Type == WatchEventType.Error)
                    {
                        events.TryWrite(Event("unavailable", kind.Kind));
                        return;
                    }

                    resourceVersion = change.ResourceVersion ?? change.Object?.Metadata.ResourceVersion ?? resourceVersion;
                    if (change.Type != WatchEventType.Bookmark)
                    {
                        events.TryWrite(Event("change", kind.Kind));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (ApiErrors.IsApiAnswer(exception) || exception is HttpRequestException)
        {
            // Refused, or the cluster went away: the page keeps what it shows; the browser reconnects on its own.
            events.TryWrite(Event("unavailable", kind.Kind));
        }
    }

    private static string Event(string name, string data) => $"event: {name}\ndata: {data}\n\n";
}
