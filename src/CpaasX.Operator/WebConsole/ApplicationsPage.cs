using System.Text;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.WebConsole;

/// <summary>
/// Applications and entities: the resources of each application (one client's environments), of each entity (one
/// client's customers) and of each application/entity pair, by channel, from the ResourceAssociations (Ready or not,
/// with the reason when not), plus the numbers whose number-level routing names them (the inbound fallback). An
/// association without an applicationRef belongs to the implicit <c>default</c> application, as on the platform; one
/// naming an application that does not exist shows under that name, marked as missing.
/// </summary>
internal static class ApplicationsPage
{
    public const string Path = "/applications";

    /// <summary>The application every namespace has implicitly; associations without an applicationRef belong to it.</summary>
    private const string DefaultApplication = "default";

    /// <summary>One association as the page shows it: who it serves, the channel, and the resource it names.</summary>
    private sealed record Link(string Namespace, string Application, string? Entity, string Channel, Resource? Resource, string ResourceName, Condition? Ready);

    public static string Render(
        IReadOnlyList<Application> applications,
        IReadOnlyList<Entity> entities,
        IReadOnlyList<Resource> resources,
        IReadOnlyList<ResourceAssociation> associations)
    {
        var resourceByName = resources.ToDictionary(resource => (resource.Metadata.NamespaceProperty, resource.Metadata.Name));
        var links = associations
            .Select(association =>
            {
                var @namespace = association.Metadata.NamespaceProperty;
                var resourceName = association.Spec.ResourceRef?.Name ?? "";
                return new Link(
                    @namespace,
                    association.Spec.ApplicationRef?.Name ?? DefaultApplication,
                    association.Spec.EntityRef?.Name,
                    association.Spec.Channel is { } channel ? PlatformNames.Of(channel) : "",
                    resourceByName.GetValueOrDefault((@namespace, resourceName)),
                    resourceName,
                    association.Status?.FindReady());
            })
            .ToList();

        var applicationRows = applications
            .Select(application => (Namespace: application.Metadata.NamespaceProperty, Name: application.Metadata.Name))
            // The implicit default application, and one an association names that does not exist, show as named.
            .Union(links.Select(link => (link.Namespace, Name: link.Application)))
            .OrderBy(key => key.Namespace, StringComparer.Ordinal)
            .ThenBy(key => key.Name, StringComparer.Ordinal);
        var applicationByName = applications.ToDictionary(application => (application.Metadata.NamespaceProperty, application.Metadata.Name));
        var entityByName = entities.ToDictionary(entity => (entity.Metadata.NamespaceProperty, entity.Metadata.Name));

        var body = new StringBuilder("<div id=\"applications-and-entities\" data-live>");
        body.Append("<h2>By application</h2>");
        body.Append("<table id=\"by-application\"><thead><tr><th>Application</th><th>Namespace</th><th>Ready</th><th>Sends from, by channel</th><th>Number-level routing (inbound)</th></tr></thead><tbody>");
        foreach (var (@namespace, name) in applicationRows)
        {
            var application = applicationByName.GetValueOrDefault((@namespace, name));
            var label = application is null
                ? $"{Html.Text(name)} <span class=\"{(name == DefaultApplication ? "unknown\">(implicit)" : "not-ready\">(no such application)")}</span>"
                : Named(CustomResourceKinds.Application, application, application.Status?.ApplicationId ?? application.Spec.ApplicationId ?? name, application.Spec.ApplicationName);
            body.Append($"<tr data-application=\"{Html.Text(name)}\">")
                .Append($"<td>{label}</td><td>{Html.Text(@namespace)}</td>")
                .Append($"<td>{(application is null ? "" : Html.Readiness(application.Status?.FindReady()?.Status))}</td>")
                .Append($"<td>{ByChannel(links.Where(link => link.Namespace == @namespace && link.Application == name), link => link.Entity is { } entity ? $"for {entity}" : null)}</td>")
                .Append($"<td>{NumberLevel(resources.Where(resource => resource.Metadata.NamespaceProperty == @namespace && resource.Spec.ApplicationRef?.Name == name))}</td>")
                .Append("</tr>");
        }

        body.Append("</tbody></table>");

        body.Append("<h2>By entity</h2>");
        body.Append("<table id=\"by-entity\"><thead><tr><th>Entity</th><th>Namespace</th><th>Ready</th><th>Resources, by channel</th><th>Number-level routing (inbound)</th></tr></thead><tbody>");
        foreach (var entity in entities.OrderBy(entity => entity.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(entity => entity.Metadata.Name, StringComparer.Ordinal))
        {
            var @namespace = entity.Metadata.NamespaceProperty;
            var name = entity.Metadata.Name;
            body.Append($"<tr data-entity=\"{Html.Text(name)}\">")
                .Append($"<td>{Named(CustomResourceKinds.Entity, entity, entity.Status?.EntityId ?? entity.Spec.EntityId ?? name, entity.Spec.EntityName)}</td><td>{Html.Text(@namespace)}</td>")
                .Append($"<td>{Html.Readiness(entity.Status?.FindReady()?.Status)}</td>")
                .Append($"<td>{ByChannel(links.Where(link => link.Namespace == @namespace && link.Entity == name), link => $"with {link.Application}")}</td>")
                .Append($"<td>{NumberLevel(resources.Where(resource => resource.Metadata.NamespaceProperty == @namespace && resource.Spec.EntityRef?.Name == name))}</td>")
                .Append("</tr>");
        }

        body.Append("</tbody></table>");

        body.Append("<h2>By application/entity pair</h2>");
        body.Append("<table id=\"by-pair\"><thead><tr><th>Application</th><th>Entity</th><th>Namespace</th><th>Resources, by channel</th></tr></thead><tbody>");
        foreach (var pair in links.Where(link => link.Entity is not null)
            .GroupBy(link => (link.Namespace, link.Application, Entity: link.Entity!))
            .OrderBy(pair => pair.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Application, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Entity, StringComparer.Ordinal))
        {
            var (@namespace, application, entity) = pair.Key;
            var entityId = entityByName.GetValueOrDefault((@namespace, entity))?.Status?.EntityId;
            body.Append($"<tr data-pair=\"{Html.Text(application)}/{Html.Text(entity)}\">")
                .Append($"<td>{Html.Text(application)}</td><td>{Html.Text(entity)}{(entityId is not null && entityId != entity ? $" ({Html.Text(entityId)})" : "")}</td><td>{Html.Text(@namespace)}</td>")
                .Append($"<td>{ByChannel(pair, _ => null)}</td>")
                .Append("</tr>");
        }

        body.Append("</tbody></table></div>");
        return Html.Page("Applications and entities", body.ToString());
    }

    /// <summary>An Application's or Entity's ID (linked to its YAML), with its display name when it has one.</summary>
    private static string Named(CustomResourceKind kind, ICustomResource obj, string id, string? displayName) =>
        $"<a href=\"{YamlPage.Link(kind, obj.Metadata.NamespaceProperty, obj.Metadata.Name)}\">{Html.Text(id)}</a>"
        + (string.IsNullOrEmpty(displayName) ? "" : $"<br><span class=\"unknown\">{Html.Text(displayName)}</span>");

    /// <summary>One line per channel, each resource's value linked to its page, with who else it serves and why it is not Ready.</summary>
    private static string ByChannel(IEnumerable<Link> links, Func<Link, string?> qualifier)
    {
        var lines = links
            .GroupBy(link => link.Channel)
            .OrderBy(channel => channel.Key, StringComparer.Ordinal)
            .Select(channel => $"<li data-channel=\"{Html.Text(channel.Key)}\"><strong>{Html.Text(channel.Key)}</strong>: "
                + string.Join(", ", channel
                    .OrderBy(link => link.Resource is { } resource ? ResourceWords.Value(resource) : link.ResourceName, StringComparer.Ordinal)
                    .Select(link => ResourceLink(link.Resource, link.Namespace, link.ResourceName)
                        + (qualifier(link) is { } words ? $" ({Html.Text(words)})" : "")
                        + (link.Ready?.Status == ConditionStatuses.True ? "" : $" <span class=\"not-ready\">not ready: {Html.Text(link.Ready?.Reason ?? AttentionPage.NotReconciled)}</span>")))
                + "</li>")
            .ToList();
        return lines.Count == 0 ? "<span class=\"unknown\">none</span>" : $"<ul>{string.Concat(lines)}</ul>";
    }

    private static string NumberLevel(IEnumerable<Resource> numbers)
    {
        var links = numbers.OrderBy(ResourceWords.Value, StringComparer.Ordinal)
            .Select(number => ResourceLink(number, number.Metadata.NamespaceProperty, number.Metadata.Name))
            .ToList();
        return links.Count == 0 ? "" : string.Join(", ", links);
    }

    /// <summary>A resource's value linked to its page; a missing one by the name the association gives.</summary>
    private static string ResourceLink(Resource? resource, string @namespace, string name) =>
        resource is null
            ? $"{Html.Text(name)} <span class=\"not-ready\">(no such resource)</span>"
            : $"<a href=\"{ResourcePage.Link(@namespace, name)}\">{Html.Text(ResourceWords.Value(resource))}</a>";
}
