using System.Globalization;

using CpaasX.ApiServer.Resources;
using CpaasX.ApiServer.Selectors;
using CpaasX.ApiServer.Watch;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer.Handlers;

/// <summary>The query parameters of a list or watch.</summary>
internal sealed record ListQuery(
    WatchFilter Filter, int Limit, string? Continue, string? ResourceVersion, bool Watch, TimeSpan? Timeout, bool AllowBookmarks)
{
    public static ListQuery From(ResourceRequest request, IQueryCollection query)
    {
        var filter = new WatchFilter(
            request.Type.QualifiedName,
            request.Type.Namespaced ? request.Namespace : null,
            LabelSelector.Parse(query["labelSelector"]),
            FieldSelector.Parse(query["fieldSelector"], request.Type));
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) && l > 0 ? l : int.MaxValue;
        var timeout = int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var t) && t > 0 ? TimeSpan.FromSeconds(t) : (TimeSpan?)null;
        return new ListQuery(
            filter,
            limit,
            NullIfEmpty(query["continue"]),
            NullIfEmpty(query["resourceVersion"]),
            query["watch"] is ["true"] or ["1"],
            timeout,
            query["allowWatchBookmarks"] is ["true"] or ["1"]);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
