using System.Text;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

using Microsoft.AspNetCore.Http;

namespace CpaasX.Operator.WebConsole;

/// <summary>
/// One Resource: its spec in words, its number-level application and entity, every association naming it (from its
/// status, Ready or not, with reasons) each with a remove action behind a confirmation step, and the inbound
/// configurations of the number with the route each gives; and the forms that change them as the user: associate the
/// resource, set the number-level application and entity, set an inbound configuration's application and entity.
/// </summary>
internal static class ResourcePage
{
    /// <summary>The page's state: the removal to confirm, what was just done, or why a change was refused.</summary>
    public sealed record Notice(string? ConfirmRemoval = null, string? Done = null, string? Error = null);

    /// <summary>The namespace's Applications and Entities by name, offered by the forms.</summary>
    public sealed record Choices(IReadOnlyList<string> Applications, IReadOnlyList<string> Entities);

    // The changes a resource's page posts (the last path segment) and their form fields.
    public const string RemoveChange = "remove";
    public const string AssociateChange = "associate";
    public const string NumberRoutingChange = "routing";
    public const string InboundRoutingChange = "inbound";
    public const string AssociationField = "association";
    public const string ChannelField = "channel";
    public const string ApplicationField = "application";
    public const string EntityField = "entity";
    public const string NameField = "name";
    public const string ConfigurationField = "configuration";

    // What the page says after a change, carried by the redirect's query.
    public const string RemovedQuery = "removed";
    public const string AssociatedQuery = "associated";
    public const string RoutedQuery = "routed";

    public static string Link(Resource resource) => Link(resource.Metadata.NamespaceProperty, resource.Metadata.Name);

    public static string Link(string @namespace, string name) => $"/resources/{Html.Segment(@namespace)}/{Html.Segment(name)}";

    /// <summary>What a change's redirect says was done, in words; null when the query carries none.</summary>
    public static string? DoneFrom(IQueryCollection query) =>
        query[RemovedQuery].ToString() is { Length: > 0 } removed ? $"Association {removed} removed."
        : query[AssociatedQuery].ToString() is { Length: > 0 } associated ? $"Association {associated} created."
        : query[RoutedQuery].ToString() is { Length: > 0 } routed ? $"Application and entity of {routed} set."
        : null;

    public static string Render(Resource resource, IReadOnlyList<InboundConfiguration> inbound, Choices choices, Notice notice, string csrf)
    {
        var @namespace = resource.Metadata.NamespaceProperty;
        var name = resource.Metadata.Name;
        var ready = resource.Status?.FindReady();
        var body = new StringBuilder();
        if (notice.Error is { } error)
        {
            body.Append($"<p class=\"error\" role=\"alert\">{Html.Text(error)}</p>");
        }

        if (notice.Done is { } done)
        {
            body.Append($"<p class=\"notice\" role=\"status\">{Html.Text(done)}</p>");
        }

        if (notice.ConfirmRemoval is { } confirm)
        {
            body.Append(FormStart("confirm notice", @namespace, name, RemoveChange, csrf))
                .Append($"<p>Remove association <strong>{Html.Text(confirm)}</strong> from the cluster? Traffic routed through it stops.</p>")
                .Append($"<input type=\"hidden\" name=\"{AssociationField}\" value=\"{Html.Text(confirm)}\">")
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
        AppendForms(body, resource, inbound, choices, csrf);
        return Html.Page($"Resource {ResourceWords.Value(resource)}", body.ToString());
    }

    /// <summary>
    /// The changing forms, outside the live part (a live refresh never resets a choice being made): associate, the
    /// number-level routing (numbers only), an inbound configuration's routing (when the number has any).
    /// </summary>
    private static void AppendForms(StringBuilder body, Resource resource, IReadOnlyList<InboundConfiguration> inbound, Choices choices, string csrf)
    {
        var @namespace = resource.Metadata.NamespaceProperty;
        var name = resource.Metadata.Name;
        body.Append("<h2>Associate</h2>")
            .Append(FormStart("change", @namespace, name, AssociateChange, csrf))
            .Append($"<label>Channel <select name=\"{ChannelField}\">")
            .AppendJoin("", ResourceWords.Channels(resource).Select(channel => $"<option>{PlatformNames.Of(channel)}</option>"))
            .Append("</select></label>")
            .Append(Select("Application", ApplicationField, choices.Applications, null, "default application"))
            .Append(Select("Entity", EntityField, choices.Entities, null, "none"))
            .Append($"<label>Name <input name=\"{NameField}\" placeholder=\"resource-channel-application-entity\"></label>")
            .Append("<button type=\"submit\" id=\"associate\">Associate</button></form>");

        if (resource.Spec.Type == ResourceType.Number)
        {
            body.Append("<h2>Number-level routing</h2>")
                .Append(FormStart("change", @namespace, name, NumberRoutingChange, csrf))
                .Append(Select("Application", ApplicationField, choices.Applications, resource.Spec.ApplicationRef?.Name, "none"))
                .Append(Select("Entity", EntityField, choices.Entities, resource.Spec.EntityRef?.Name, "none"))
                .Append("<button type=\"submit\" id=\"set-number-routing\">Set number-level routing</button></form>");
        }

        if (inbound.Count > 0)
        {
            body.Append("<h2>Inbound configuration routing</h2>")
                .Append(FormStart("change", @namespace, name, InboundRoutingChange, csrf))
                .Append($"<label>Configuration <select name=\"{ConfigurationField}\">")
                .AppendJoin("", inbound.Select(configuration => $"<option value=\"{Html.Text(configuration.Metadata.Name)}\">{Html.Text(configuration.Metadata.Name)} ({Html.Text(configuration.Spec.Keyword ?? "default")})</option>"))
                .Append("</select></label>")
                .Append(Select("Application", ApplicationField, choices.Applications, null, "none"))
                .Append(Select("Entity", EntityField, choices.Entities, null, "none"))
                .Append("<button type=\"submit\" id=\"set-inbound-routing\">Set inbound routing</button></form>");
        }
    }

    /// <summary>A form posting one change of this resource, with the session's CSRF token.</summary>
    private static string FormStart(string cssClass, string @namespace, string name, string change, string csrf) =>
        $"<form class=\"{cssClass}\" method=\"post\" action=\"{Link(@namespace, name)}/{change}\">"
        + $"<input type=\"hidden\" name=\"{ConsoleGuard.CsrfField}\" value=\"{Html.Text(csrf)}\">";

    /// <summary>A select of names, the empty value first (<paramref name="none"/>), <paramref name="selected"/> chosen.</summary>
    private static string Select(string label, string field, IReadOnlyList<string> names, string? selected, string none) =>
        $"<label>{label} <select name=\"{field}\"><option value=\"\">({none})</option>"
        + string.Concat(names.Select(option => $"<option{(option == selected ? " selected" : "")}>{Html.Text(option)}</option>"))
        + "</select></label>";
}
