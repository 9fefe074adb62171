using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;

using k8s;
using k8s.Autorest;
using k8s.Models;

namespace CpaasX.Operator.Runtime.Client;

/// <summary>
/// Lists and watches one kind, decoding each list item and each watch line once, from UTF-8 straight into
/// <typeparamref name="T"/> with the given JSON options; an item that does not decode becomes an
/// <see cref="UndecodableObject"/> and everything else flows. (KubernetesClient's API methods parse each answer into a JSON
/// tree or text first, and its watch reads every line as text and parses it twice more: an informer decodes every
/// object in the namespaces it watches, including the echo of each of the operator's own writes.)
/// </summary>
public sealed class ApiListWatchClient<T>(
    ApiHttp api,
    ApiResource resource,
    JsonSerializerOptions options,
    ListWatchSettings? settings = null) : IListWatchClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ListWatchSettings _settings = settings ?? new ListWatchSettings();

    public Task<ListResult<T>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken) =>
        ListPage<T>.CollectAsync(async continueToken =>
        {
            using var response = await api.GetAsync(
                UriOf(@namespace, ("limit", _settings.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("continue", continueToken), ("labelSelector", labelSelector)),
                cancellationToken,
                _settings.MetadataOnly ? PartialObjectMetadata.ListAccept : null).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return ReadPage(body);
        });

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(
        string? @namespace,
        string? labelSelector,
        string resourceVersion,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var timeoutSeconds = ((int)_settings.WatchTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await OpenWatchAsync(
            UriOf(@namespace, ("watch", "true"), ("allowWatchBookmarks", "true"), ("resourceVersion", resourceVersion), ("timeoutSeconds", timeoutSeconds), ("labelSelector", labelSelector)),
            cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            yield return WatchEvent<T>.Error(new V1Status { Code = ApiStatusCodes.Gone, Reason = "Expired", Message = $"resourceVersion {resourceVersion} is too old" });
            yield break;
        }

        using (response)
        {
            var lines = PipeReader.Create(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            try
            {
                while (true)
                {
                    var read = await lines.ReadAsync(cancellationToken).ConfigureAwait(false);
                    var buffer = read.Buffer;
                    while (buffer.PositionOf((byte)'\n') is { } end)
                    {
                        var line = buffer.Slice(0, end);
                        buffer = buffer.Slice(buffer.GetPosition(1, end));
                        if (!line.IsEmpty)
                        {
                            yield return WatchLineDecoder.Decode<T>(line, options);
                        }
                    }

                    if (read.IsCompleted)
                    {
                        // The server may end the stream without a newline after the last event.
                        if (!buffer.IsEmpty)
                        {
                            yield return WatchLineDecoder.Decode<T>(buffer, options);
                        }

                        yield break;
                    }

                    lines.AdvanceTo(buffer.Start, buffer.End);
                }
            }
            finally
            {
                await lines.CompleteAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Reads a list answer item by item: an item that does not decode becomes an <see cref="UndecodableObject"/> and the
    /// page goes on, so one bad object never fails the list of a whole kind.
    /// </summary>
    private ListPage<T> ReadPage(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        V1ListMeta? metadata = null;
        List<T> items = [];
        List<UndecodableObject> undecodable = [];
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The API answered the list of {resource.Plural} with no JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                metadata = JsonSerializer.Deserialize<V1ListMeta>(ref reader, options);
            }
            else if (reader.ValueTextEquals("items"u8))
            {
                reader.Read();
                var isArray = reader.TokenType == JsonTokenType.StartArray;
                while (isArray && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (ItemDecoder.Decode<T>(ref reader, options, out var bad) is { } item)
                    {
                        items.Add(item);
                    }
                    else if (bad is not null)
                    {
                        undecodable.Add(bad);
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ListPage<T>(items, undecodable, metadata?.ResourceVersion ?? string.Empty, metadata?.ContinueProperty);
    }

    /// <summary>The open watch; null when the API answers the request itself with 410 (the resourceVersion is too old).</summary>
    private async Task<HttpResponseMessage?> OpenWatchAsync(string relativeUri, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetAsync(relativeUri, cancellationToken, _settings.MetadataOnly ? PartialObjectMetadata.WatchAccept : null).ConfigureAwait(false);
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode == HttpStatusCode.Gone)
        {
            return null;
        }
    }

    private string UriOf(string? @namespace, params (string Name, string? Value)[] query)
    {
        var parameters = query.Where(parameter => !string.IsNullOrEmpty(parameter.Value))
            .Select(parameter => $"{parameter.Name}={Uri.EscapeDataString(parameter.Value!)}");
        return $"{resource.CollectionPath(@namespace)}?{string.Join('&', parameters)}";
    }
}
