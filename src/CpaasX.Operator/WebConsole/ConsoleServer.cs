using System.Net;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Operator.Hosting;
using CpaasX.Operator.Runtime.Client;
using CpaasX.Operator.Writing;

using CpaasX.Routing.Resolution;

using k8s;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CpaasX.Operator.WebConsole;

/// <summary>
/// The local web console: server-rendered pages over the cluster, read and written with the user's kubeconfig
/// (<see cref="ConsoleCluster"/>), on a loopback address only, behind <see cref="ConsoleGuard"/>.
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Kubernetes _client;

    private ConsoleServer(WebApplication app, Kubernetes client, Uri address, string token)
    {
        _app = app;
        _client = client;
        Address = address;
        Url = new Uri($"{address}?{ConsoleGuard.TokenParameter}={token}");
    }

    /// <summary>Where the console answers, with the port actually bound (http://127.0.0.1:PORT/).</summary>
    public Uri Address { get; }

    /// <summary>The one-time URL to open: <see cref="Address"/> with the session token.</summary>
    public Uri Url { get; }

    /// <summary>The line the <c>console</c> and <c>local</c> commands print: <c>Console: URL</c>.</summary>
    public string Announcement => $"Console: {Url}";

    /// <param name="namespace">The namespace shown; null for every namespace the user may list.</param>
    public static async Task<ConsoleServer> StartAsync(
        IPEndPoint endpoint, KubernetesClientConfiguration configuration, string? @namespace, CancellationToken cancellationToken)
    {
        if (!IPAddress.IsLoopback(endpoint.Address))
        {
            throw new ArgumentException($"The console listens on a loopback address only, not {endpoint.Address}.", nameof(endpoint));
        }

        var app = KestrelApplication.Create(endpoint);
        var client = new Kubernetes(configuration);
        var guard = new ConsoleGuard();
        Map(app, guard, new ConsoleCluster(client, @namespace), new LiveEvents(new Runtime.Client.ApiHttp(client, configuration), @namespace));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = KestrelApplication.BoundAddress(app);
        guard.Bind(address);
        return new ConsoleServer(app, client, address, guard.Token);
    }

    private static void Map(WebApplication app, ConsoleGuard guard, ConsoleCluster cluster, LiveEvents live)
    {
        app.Use(guard.InvokeAsync);
        app.MapGet(Html.StylesheetPath, () => Results.Text(Html.Stylesheet, "text/css; charset=utf-8"));
        app.MapGet(LiveScript.Path, () => Results.Text(LiveScript.Source, "text/javascript; charset=utf-8"));
        app.MapGet(LiveEvents.Path, (HttpContext context) => live.StreamAsync(context, app.Lifetime.ApplicationStopping));
        app.MapGet(ResourcesPage.Path, (HttpContext context) => PageAsync(context, async cancellationToken =>
            ResourcesPage.Render(await cluster.ListAsync<Resource>(CustomResourceKinds.Resource, cancellationToken).ConfigureAwait(false), context.Request.Query)));
        app.MapGet(AttentionPage.Path, (HttpContext context) => PageAsync(context, async cancellationToken =>
            AttentionPage.Render(await cluster.ListAllAsync(cancellationToken).ConfigureAwait(false))));
        app.MapGet(ApplicationsPage.Path, (HttpContext context) => PageAsync(context, async cancellationToken =>
        {
            var applications = cluster.ListAsync<Application>(CustomResourceKinds.Application, cancellationToken);
            var entities = cluster.ListAsync<Entity>(CustomResourceKinds.Entity, cancellationToken);
            var resources = cluster.ListAsync<Resource>(CustomResourceKinds.Resource, cancellationToken);
            var associations = cluster.ListAsync<ResourceAssociation>(CustomResourceKinds.ResourceAssociation, cancellationToken);
            return ApplicationsPage.Render(await applications.ConfigureAwait(false), await entities.ConfigureAwait(false),
                await resources.ConfigureAwait(false), await associations.ConfigureAwait(false));
        }));
        app.MapGet("/resources/{namespace}/{name}", (HttpContext context, string @namespace, string name) => PageAsync(context, cancellationToken =>
            ResourceAsync(cluster, @namespace, name, new ResourcePage.Notice(
                ConfirmRemoval: NonEmpty(context.Request.Query["remove"]), Done: ResourcePage.DoneFrom(context.Request.Query)), guard.Csrf, cancellationToken)));
        app.MapPost("/resources/{namespace}/{name}/{change}", (HttpContext context, string @namespace, string name, string change) =>
            ChangeAsync(context, cluster, guard.Csrf, @namespace, name, form => change switch
            {
                ResourcePage.RemoveChange => ConsoleChange.Remove(cluster, @namespace, form),
                ResourcePage.AssociateChange => ConsoleChange.Associate(cluster, @namespace, name, form),
                ResourcePage.NumberRoutingChange => ConsoleChange.SetRouting(cluster, CustomResourceKinds.Resource, @namespace, name, form),
                ResourcePage.InboundRoutingChange => ConsoleChange.SetRouting(cluster, CustomResourceKinds.InboundConfiguration, @namespace, form[ResourcePage.ConfigurationField].ToString(), form),
                _ => null,
            }));
        app.MapGet(RoutingPage.Path, (HttpContext context) => PageAsync(context, async cancellationToken =>
            RoutingPage.Render(cluster.Namespace, context.Request.Query, await RoutingAnswerAsync(cluster, context.Request.Query).ConfigureAwait(false))));
        app.MapGet("/yaml/{plural}/{namespace}/{name}", (HttpContext context, string plural, string @namespace, string name) => PageAsync(context, async cancellationToken =>
            CustomResourceKinds.All.FirstOrDefault(kind => kind.Plural == plural) is { } kind
            && await cluster.GetJsonAsync(kind, @namespace, name, cancellationToken).ConfigureAwait(false) is { } manifest
                ? YamlPage.Render(kind, @namespace, name, manifest)
                : null));
    }

    private static async Task<string?> ResourceAsync(
        ConsoleCluster cluster, string @namespace, string name, ResourcePage.Notice notice, string csrf, CancellationToken cancellationToken)
    {
        var resource = await cluster.GetAsync<Resource>(CustomResourceKinds.Resource, @namespace, name, cancellationToken).ConfigureAwait(false);
        if (resource is null)
        {
            return null;
        }

        var inbound = cluster.ListAsync<InboundConfiguration>(CustomResourceKinds.InboundConfiguration, cancellationToken, @namespace);
        var applications = cluster.ListAsync<Application>(CustomResourceKinds.Application, cancellationToken, @namespace);
        var entities = cluster.ListAsync<Entity>(CustomResourceKinds.Entity, cancellationToken, @namespace);
        var choices = new ResourcePage.Choices(
            [.. (await applications.ConfigureAwait(false)).Select(application => application.Metadata.Name).Order(StringComparer.Ordinal)],
            [.. (await entities.ConfigureAwait(false)).Select(entity => entity.Metadata.Name).Order(StringComparer.Ordinal)]);
        return ResourcePage.Render(
            resource, [.. (await inbound.ConfigureAwait(false)).Where(configuration => configuration.Spec.ResourceRef?.Name == name)], choices, notice, csrf);
    }

    /// <summary>The explorer's answer over the routing table the operator published for the question's namespace.</summary>
    private static async Task<string> RoutingAnswerAsync(ConsoleCluster cluster, IQueryCollection query)
    {
        if (RoutingPage.Question.From(query) is not { } question)
        {
            return "";
        }

        try
        {
            // The table is read as the resolve command reads it (one rule), off the request thread: it blocks.
            var table = await Task.Run(() => PublishedRoutingTable.Read(cluster.Client, question.Namespace, OperatorOptions.DefaultConfigMapName)).ConfigureAwait(false);
            return RoutingPage.Answer(question, new RoutingResolver(table));
        }
        catch (UnreadableRoutingTableException exception)
        {
            return RoutingPage.Problem(exception.Message);
        }
    }

    /// <summary>
    /// A change posted from a resource's page, made as the user; done, back to the page saying so; refused, the page
    /// again saying why in plain words (a 403: the user may not, and which right is missing).
    /// </summary>
    private static async Task ChangeAsync(
        HttpContext context, ConsoleCluster cluster, string csrf, string @namespace, string name, Func<IFormCollection, ConsoleChange?> changeOf)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (changeOf(form) is not { } change)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        string error;
        try
        {
            await change.Apply(context.RequestAborted).ConfigureAwait(false);
            context.Response.Redirect($"{ResourcePage.Link(@namespace, name)}?{change.DoneQuery}");
            return;
        }
        catch (Exception exception) when (ApiErrors.IsForbidden(exception))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            error = $"You may not {change.What}: the cluster refused it for your identity (403 Forbidden). "
                + $"Ask for the right to {change.Right} in namespace {@namespace}. The API server said: {ApiErrors.MessageOf(exception)}";
        }
        catch (Exception exception) when (ApiErrors.IsApiAnswer(exception))
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            error = $"Could not {change.What}: {ApiErrors.MessageOf(exception)}";
        }

        await PageAsync(context, cancellationToken => ResourceAsync(cluster, @namespace, name, new ResourcePage.Notice(Error: error), csrf, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Writes a page; null is 404; an API refusal (a list the user may not make) is a page saying so.</summary>
    private static async Task PageAsync(HttpContext context, Func<CancellationToken, Task<string?>> render)
    {
        string? page;
        try
        {
            page = await render(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (ApiErrors.IsApiAnswer(exception))
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            page = Html.Page("The cluster refused", $"<p class=\"error\" role=\"alert\">{Html.Text(ApiErrors.MessageOf(exception))}</p>");
        }

        if (page is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            page = Html.Page("Not found", "<p class=\"error\">No such object (it may have been deleted).</p>");
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
    }
}
