using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Faults;
using CpaasX.ApiServer.Http;
using CpaasX.ApiServer.Resources;
using CpaasX.ApiServer.Storage;
using CpaasX.ApiServer.Watch;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CpaasX.ApiServer.Handlers;

/// <summary>
/// A watch stream: chunked JSON, one event per line, flushed per event; bookmarks while idle; closed at timeoutSeconds,
/// when the server closes watches, or with one ERROR line (410 Expired) when the asked resourceVersion is too old.
/// </summary>
internal sealed class WatchHandler(ObjectStore store, FaultInjection faults, TimeSpan bookmarkInterval)
{
    private static readonly byte[] AddedPrefix = "{\"type\":\"ADDED\",\"object\":"u8.ToArray();
    private static readonly byte[] ModifiedPrefix = "{\"type\":\"MODIFIED\",\"object\":"u8.ToArray();
    private static readonly byte[] DeletedPrefix = "{\"type\":\"DELETED\",\"object\":"u8.ToArray();
    private static readonly byte[] LineEnd = "}\n"u8.ToArray();

    public async Task Watch(HttpContext context, ResourceRequest request, ListQuery query)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.StatusCode = 200;
        context.Response.ContentType = JsonResponses.JsonContentType;
        await context.Response.StartAsync(context.RequestAborted);

        // Kestrel holds the headers until the first flush; a client waiting on an idle watch must get them at once.
        await context.Response.Body.FlushAsync(context.RequestAborted);

        Watcher watcher;
        try
        {
            var from = StartingPoint(query.ResourceVersion);
            if (from is not null && faults.TakeExpireNextWatch())
            {
                throw ApiErrors.Expired($"too old resource version: {from} ({store.ResourceVersion})");
            }

            watcher = store.Watch(query.Filter, from);
        }
        catch (ApiException error)
        {
            await WriteLine(context, JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = "ERROR", ["object"] = error.ToStatus() }), context.RequestAborted);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (query.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        try
        {
            await Stream(context, request, query, watcher, PartialObjectMetadataForm.IsWanted(context.Request), timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Timeout or client gone: the stream simply ends.
        }
        finally
        {
            store.StopWatching(watcher);
        }
    }

    /// <param name="metadataOnly">Each event's object as PartialObjectMetadata (the client asked <c>as=PartialObjectMetadata</c>).</param>
    private async Task Stream(HttpContext context, ResourceRequest request, ListQuery query, Watcher watcher, bool metadataOnly, CancellationToken cancel)
    {
        var events = watcher.Events;
        while (true)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            idle.CancelAfter(bookmarkInterval);
            bool more;
            try
            {
                more = await events.WaitToReadAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                // Read under the store's lock: no event at or below the bookmarked version can still be on its way.
                var idleAt = store.Atomically(() => events.Count == 0 ? store.ResourceVersion : (long?)null);
                if (query.AllowBookmarks && idleAt is { } resourceVersion)
                {
                    await WriteLine(context, metadataOnly ? Bookmark(PartialObjectMetadataForm.Kind, PartialObjectMetadataForm.ApiVersion, resourceVersion) : Bookmark(request.Type.Kind, request.Type.ApiVersion, resourceVersion), cancel);
                }

                continue;
            }

            if (!more)
            {
                return;
            }

            while (events.TryRead(out var change))
            {
                await WriteEvent(context, change, metadataOnly, cancel);
            }

            await context.Response.Body.FlushAsync(cancel);
        }
    }

    /// <summary>Empty or "0" means "current state first"; anything else is the resourceVersion to resume after.</summary>
    private static long? StartingPoint(string? resourceVersion) =>
        resourceVersion is null or "0" ? null
        : long.TryParse(resourceVersion, CultureInfo.InvariantCulture, out var from) ? from
        : throw ApiErrors.BadRequest($"invalid resourceVersion \"{resourceVersion}\"");

    private static async Task WriteEvent(HttpContext context, WatchEvent change, bool metadataOnly, CancellationToken cancel)
    {
        var prefix = change.Type switch
        {
            WatchEventType.Added => AddedPrefix,
            WatchEventType.Modified => ModifiedPrefix,
            _ => DeletedPrefix,
        };
        await context.Response.Body.WriteAsync(prefix, cancel);
        await context.Response.Body.WriteAsync(metadataOnly ? PartialObjectMetadataForm.BytesOf(change.Object) : change.Object.Json, cancel);
        await context.Response.Body.WriteAsync(LineEnd, cancel);
    }

    private static async Task WriteLine(HttpContext context, byte[] json, CancellationToken cancel)
    {
        await context.Response.Body.WriteAsync(json, cancel);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), cancel);
        await context.Response.Body.FlushAsync(cancel);
    }

    private static byte[] Bookmark(string kind, string apiVersion, long resourceVersion) => Encoding.UTF8.GetBytes(
        $"{{\"type\":\"BOOKMARK\",\"object\":{{\"kind\":\"{kind}\",\"apiVersion\":\"{apiVersion}\",\"metadata\":{{\"resourceVersion\":\"{resourceVersion}\"}}}}}}");
}
