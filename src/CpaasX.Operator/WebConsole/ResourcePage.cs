using System.Text;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.WebConsole;

/// <summary>
/// One Resource: its spec in words, its number-level application and entity, every association naming it (from its
/// status, Ready or not, with reasons) each with a remove action behind a confirmation step, and the inbound
/// configurations of the number with the route each gives.
/// </summary>
internal static class ResourcePage
{
    /// <summary>The page's state after a remove: the confirmation to show, or what happened.</summary>
    public sealed record Notice(string? ConfirmRemoval = null, string? Removed = null, string? Error = null);

    public static string Link(Resource resource) => Link(resource.Metadata.NamespaceProperty, resource.Metadata.Name);

    public static string Link(string @namespace, string name) => $"/resources/{Html.Segment(@namespace)}/{Html.Segment(name)}";

    public static string RemoveAction(string @namespace, string name) => Link(@namespace, name) + "/remove";

    public static string Render(Resource resource, IReadOnlyList<InboundConfiguration> inbound, Notice notice, string csrf)
    {
        var @namespace = resource.Metadata.NamespaceProperty;
        var name = resource.Metadata.Name;
        var ready = resource.Status?.FindReady();
        var body = new StringBuilder();
        if (notice.Error is { } error)
        {
            body.Append($"<p class=\"error\" role=\"alert\">{Html.Text(error)}</p>");
        }

        if (notice.Removed is { } removed)
        {
            body.Append($"<p class=\"notice\" role=\"status\">Association {Html.Text(removed)} removed.</p>");
        }

        if (notice.ConfirmRemoval is { } confirm)
        {
            body.Append("<form class=\"confirm notice\" method=\"post\" action=\"").Append(RemoveAction(@namespace, name)).Append("\">")
                .Append($"<p>Remove association <strong>{Html.Text(confirm)}</strong> from the cluster? Traffic routed through it stops.</p>")
                .Append($"<input type=\"hidden\" name=\"{ConsoleGuard.CsrfField}\" value=\"{Html.Text(csrf)}\">")
                .Append($"<input type=\"hidden\" name=\"association\" value=\"{Html.Text(confirm)}\">")
                .Append("<button type=\"submit\" id=\"confirm-remove\">Remove</button> ")
                .Append($"<a href=\"{Link(@namespace, name)}\">Cancel</a></form>");
        }

        body.Append("<div id=\"resource-details\" data-live><dl>")
            .Append($"<dt>Value</dt><dd id=\"value\">{Html.Text(ResourceWords.Value(resource))}</dd>")
            .Append($"<dt>Spec</dt><dd id=\"sentence\">{Html.Text(ResourceWords.Sentence(resource))}</dd>")
            .Append($"<dt>Name</dt><dd>{Html.Text(@namespace)}/{Html.Text(name)} (<a href=\"{YamlPage.Link(CustomResourceKinds.Resource, @namespace, name)}\">YAML</a>)</dd>")
            .Append($"<dt>Ready</dt><dd>{Html.Readiness(ready?.Status)} {Html.Text(ready?.Reason)}: {Html.Text(ready?.Message)}</dd>")
            .Append($"<dt>Number-level application</dt><dd>{Html.Text(resource.Spec.ApplicationRef?.Name ?? "none")}</dd>")
            .Append($"<dt>Number-level entity</dt><dd>{Html.Text(resource.Spec.EntityRef?.Name ?? "none")}</dd>")
            .Append("</dl>");

        var associations = resource.Status?.Associations ?? [];
        body.Append($"<h2>Associations ({associations.Count})</h2>");
        body.Append("<table id=\"associations\"><thead><tr><th>Name</th><th>Channel</th><th>Application</th><th>Entity</th><th>Ready</th><th>Reason</th><th></th></tr></thead><tbody>");
        foreach (var association in associations.OrderBy(association => association.Name, StringComparer.Ordinal))
        {
            var associationName = association.Name ?? "";
            body.Append($"<tr data-association=\"{Html.Text(associationName)}\">")
                .Append($"<td><a href=\"{YamlPage.Link(CustomResourceKinds.ResourceAssociation, @namespace, associationName)}\">{Html.Text(associationName)}</a></td>")
                .Append($"<td>{Html.Text(association.Channel is { } channel ? PlatformNames.Of(channel) : "")}</td>")
                .Append($"<td>{Html.Text(association.ApplicationId)}</td>")
                .Append($"<td>{Html.Text(association.EntityId)}</td>")
                .Append($"<td>{Html.Readiness(association.Ready)}</td>")
                .Append($"<td>{Html.Text(association.Reason)}</td>")
                .Append($"<td><a class=\"remove\" href=\"{Link(@namespace, name)}?remove={Html.Text(Uri.EscapeDataString(associationName))}\">Remove…</a></td>")
                .Append("</tr>");
        }

        body.Append("</tbody></table>");

        body.Append($"<h2>Inbound configurations ({inbound.Count})</h2>");
        body.Append("<table id=\"inbound\"><thead><tr><th>Name</th><th>Channel</th><th>Keyword</th><th>Routes to application</th><th>Entity</th><th>Ready</th></tr></thead><tbody>");
        foreach (var configuration in inbound.OrderBy(configuration => configuration.Spec.Keyword ?? "", StringComparer.Ordinal))
        {
            var route = configuration.Status?.EffectiveRoute;
            body.Append("<tr>")
                .Append($"<td><a href=\"{YamlPage.Link(CustomResourceKinds.InboundConfiguration, @namespace, configuration.Metadata.Name)}\">{Html.Text(configuration.Metadata.Name)}</a></td>")
                .Append($"<td>{Html.Text(configuration.Spec.Channel is { } channel ? PlatformNames.Of(channel) : "")}</td>")
                .Append($"<td>{Html.Text(configuration.Spec.Keyword ?? "(default)")}</td>")
                .Append($"<td>{Html.Text(route?.ApplicationId)}</td>")
                .Append($"<td>{Html.Text(route?.EntityId)}</td>")
                .Append($"<td>{Html.Readiness(configuration.Status?.FindReady()?.Status)}</td>")
                .Append("</tr>");
        }

        body.Append("</tbody></table></div>");
        return Html.Page($"Resource {ResourceWords.Value(resource)}", body.ToString());
    }
}
