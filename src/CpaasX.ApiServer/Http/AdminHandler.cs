using System.Globalization;
using System.Text.Json.Nodes;

using CpaasX.ApiServer.Counters;
using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Faults;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer.Http;

/// <summary>
/// The fault switches and counters of a standalone server, under a path no Kubernetes client calls:
/// POST /_admin/faults/{close-watches|expire-next-watch|compact|reset}, POST /_admin/faults/fail-writes?resource=R&amp;count=N&amp;code=C,
/// POST /_admin/faults/latency?ms=N, GET /_admin/requests.
/// </summary>
internal sealed class AdminHandler(FaultInjection faults, RequestCounters counters)
{
    public const string PathSegment = "_admin";

    public Task Handle(HttpContext context, string[] path)
    {
        var query = context.Request.Query;
        var isPost = HttpMethods.IsPost(context.Request.Method);
        switch (path)
        {
            case ["requests"] when HttpMethods.IsGet(context.Request.Method):
                var counts = new JsonObject();
                foreach (var (key, value) in counters.Snapshot().OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    counts[key] = value;
                }

                return JsonResponses.Write(context, 200, counts);
            case ["faults", "close-watches"] when isPost:
                faults.CloseAllWatches();
                break;
            case ["faults", "expire-next-watch"] when isPost:
                faults.ExpireNextWatch();
                break;
            case ["faults", "compact"] when isPost:
                faults.CompactEventWindow();
                break;
            case ["faults", "reset"] when isPost:
                faults.Reset();
                break;
            case ["faults", "fail-writes"] when isPost:
                try
                {
                    faults.FailNextWrites(query["resource"].ToString(), Number(query, "count"), Number(query, "code"));
                }
                catch (ArgumentOutOfRangeException e)
                {
                    throw ApiErrors.BadRequest(e.Message);
                }

                break;
            case ["faults", "latency"] when isPost:
                faults.Latency = TimeSpan.FromMilliseconds(Number(query, "ms"));
                break;
            case ["faults", "refuse-watches"] when isPost:
                faults.RefuseWatches = Switch(query);
                break;
            case ["faults", "skip-validation"] when isPost:
                faults.SkipSchemaValidation = Switch(query);
                break;
            default:
                throw ApiErrors.PathNotFound();
        }

        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private static bool Switch(IQueryCollection query) =>
        bool.TryParse(query["on"], out var on) ? on : throw ApiErrors.BadRequest("query parameter on must be true or false");

    private static int Number(IQueryCollection query, string name) =>
        int.TryParse(query[name], CultureInfo.InvariantCulture, out var value) ? value : throw ApiErrors.BadRequest($"query parameter {name} must be an integer");
}
