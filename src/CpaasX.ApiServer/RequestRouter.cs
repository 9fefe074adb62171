using CpaasX.ApiServer.Counters;
using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Faults;
using CpaasX.ApiServer.Handlers;
using CpaasX.ApiServer.Http;
using CpaasX.ApiServer.Identity;
using CpaasX.ApiServer.Resources;

using Microsoft.AspNetCore.Http;

namespace CpaasX.ApiServer;

/// <summary>
/// Maps a URL and method to a handler. Resources are found in the registry at request time, so a CRD's resources are
/// routable as soon as it is created and gone as soon as it is deleted. Every request must come for a loopback host
/// and present a known identity's token; read-only identities may only get, list and watch.
/// </summary>
internal sealed class RequestRouter(
    ResourceRegistry registry,
    DiscoveryHandler discovery,
    OpenApiHandler openApi,
    ObjectHandler objects,
    WatchHandler watches,
    AdminHandler admin,
    ReviewHandler reviews,
    FaultInjection faults,
    RequestCounters counters,
    RequestLog log,
    Authenticator authenticator)
{
    public async Task Handle(HttpContext context)
    {
        try
        {
            if (!LoopbackHost.Accepts(context.Request.Host))
            {
                throw ApiErrors.HostNotAllowed(context.Request.Host.Value ?? "");
            }

            var identity = authenticator.Authenticate(context.Request) ?? throw ApiErrors.Unauthorized();
            var segments = context.Request.Path.Value?.Trim('/').Split('/') ?? [];
            if (segments is [AdminHandler.PathSegment, .. var adminPath])
            {
                if (identity.Access != ApiAccess.ReadWrite)
                {
                    throw new ApiException(403, "Forbidden", $"User \"{identity.UserName}\" cannot use the admin endpoint: it needs a read-write identity");
                }

                await admin.Handle(context, adminPath);
                return;
            }

            if (faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(faults.Latency, context.RequestAborted);
            }

            await Dispatch(context, segments, identity);
        }
        catch (ApiException error) when (!context.Response.HasStarted)
        {
            await JsonResponses.WriteError(context, error);
        }
        catch (Exception error) when (error is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A bug here must reach the client as a Status it can show, not as an empty 500.
            await JsonResponses.WriteError(context, new ApiException(500, "InternalError", $"an error on the server (\"{error.GetType().Name}: {error.Message}\") has prevented the request from succeeding"));
        }
    }

    private Task Dispatch(HttpContext context, string[] segments, ApiIdentity identity)
    {
        var isGet = HttpMethods.IsGet(context.Request.Method);
        return segments switch
        {
            ["version"] when isGet => DiscoveryHandler.Version(context),
            ["openapi", "v3"] when isGet => openApi.Root(context),
            ["openapi", "v3", "api", var version] when isGet => openApi.GroupVersion(context, "", version),
            ["openapi", "v3", "apis", var group, var version] when isGet => openApi.GroupVersion(context, group, version),
            ["api"] when isGet => DiscoveryHandler.CoreVersions(context),
            ["apis"] when isGet => discovery.Groups(context),
            ["apis", var group] when isGet => discovery.Group(context, group),
            ["api", var version] when isGet => discovery.Resources(context, "", version),
            ["apis", var group, var version] when isGet => discovery.Resources(context, group, version),
            ["api", var version, .. var rest] => Resource(context, identity, "", version, rest),
            ["apis", var group, var version, .. var rest] => Resource(context, identity, group, version, rest),
            _ => throw ApiErrors.PathNotFound(),
        };
    }

    private Task Resource(HttpContext context, ApiIdentity identity, string group, string version, string[] rest)
    {
        var path = ApiPath.Parse(rest) ?? throw ApiErrors.PathNotFound();
        var type = registry.Find(group, version, path.Plural) ?? throw ApiErrors.PathNotFound();
        if ((path.Namespace is not null && !type.Namespaced)
            || (path.Namespace is null && type.Namespaced && path.Name is not null)
            || (path.Subresource is not null && (path.Subresource != "status" || !type.HasStatusSubresource)))
        {
            throw ApiErrors.PathNotFound();
        }

        var request = new ResourceRequest(type, path.Namespace, path.Name, path.Subresource);
        var method = context.Request.Method;
        if (type.IsReview)
        {
            return path.Name is null && HttpMethods.IsPost(method)
                ? Write("create", context, identity, request, () => reviews.Create(context, type))
                : throw ApiErrors.MethodNotAllowed();
        }

        if (path.Name is null)
        {
            if (HttpMethods.IsGet(method))
            {
                var query = ListQuery.From(request, context.Request.Query);
                return query.Watch ? Counted("watch", identity, request, () => faults.RefuseWatches
                        ? throw new ApiException(503, "ServiceUnavailable", "the server is currently unable to handle the request (injected fault)")
                        : watches.Watch(context, request, query))
                    : Counted("list", identity, request, () => objects.List(context, request, query));
            }

            if (HttpMethods.IsPost(method) && (!type.Namespaced || path.Namespace is not null))
            {
                return Write("create", context, identity, request, () => objects.Create(context, request, identity));
            }

            throw ApiErrors.MethodNotAllowed();
        }

        return method switch
        {
            _ when HttpMethods.IsGet(method) => Counted("get", identity, request, () => objects.Get(context, request)),
            _ when HttpMethods.IsPut(method) => Write("update", context, identity, request, () => objects.Update(context, request, identity)),
            _ when HttpMethods.IsPatch(method) => Write("patch", context, identity, request, () => objects.Patch(context, request, identity)),
            _ when HttpMethods.IsDelete(method) => Write("delete", context, identity, request, () => objects.Delete(context, request, identity)),
            _ => throw ApiErrors.MethodNotAllowed(),
        };
    }

    private Task Counted(string verb, ApiIdentity identity, ResourceRequest request, Func<Task> handler)
    {
        Count(verb, identity, request);
        return handler();
    }

    private Task Write(string verb, HttpContext context, ApiIdentity identity, ResourceRequest request, Func<Task> handler)
    {
        Count(verb, identity, request);
        if (!identity.MayUse(verb))
        {
            throw ApiErrors.Forbidden(identity.UserName, verb, request);
        }

        // Server-side dry run is not built; refusing it is safer than writing what the caller meant only to try.
        if (context.Request.Query.ContainsKey("dryRun"))
        {
            throw ApiErrors.BadRequest("dryRun is not supported by this server; nothing was written");
        }

        return faults.TakeWriteFault(request.Type.Plural, request.Subresource) switch
        {
            409 => throw ApiErrors.Conflict(request.Type, request.Name ?? ""),
            422 => throw new ApiException(422, "Invalid", $"{request.Type.Plural} \"{request.Name}\" is invalid: injected fault"),
            429 => throw new ApiException(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later")
            {
                RetryAfterSeconds = 1,
            },
            500 => throw new ApiException(500, "InternalError", "an error on the server (\"injected fault\") has prevented the request from succeeding"),
            _ => handler(),
        };
    }

    private void Count(string verb, ApiIdentity identity, ResourceRequest request)
    {
        counters.Increment(verb, request.Resource);
        log.Record(new RecordedRequest(
            identity.UserName,
            verb,
            request.Type.Group,
            request.Type.Plural,
            request.Subresource,
            request.Type.Namespaced ? request.Namespace : null,
            request.Name));
    }
}
