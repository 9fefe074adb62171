using System.Text;

using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

using Microsoft.AspNetCore.Http;

namespace CpaasX.Operator.WebConsole;

/// <summary>
/// The Resources page: every Resource in scope, narrowed by the type toggles (all on when the form was never sent),
/// a text filter on value and name, and a readiness filter (all, Ready, not Ready). The filters are a GET form, so a
/// filtered list is a link and no script runs.
/// </summary>
internal static class ResourcesPage
{
    public const string Path = "/";

    public static string Render(IReadOnlyList<Resource> resources, IQueryCollection query)
    {
        var filtered = query.ContainsKey("filtered");
        var types = ResourceWords.Types
            .Where(entry => !filtered || query["type"].Contains(PlatformNames.Of(entry.Type)))
            .Select(entry => entry.Type)
            .ToHashSet();
        var text = query["q"].ToString().Trim();
        var readiness = query["ready"].ToString();

        var shown = resources
            .Where(resource => resource.Spec.Type is { } type && types.Contains(type))
            .Where(resource => text.Length == 0
                || ResourceWords.Value(resource).Contains(text, StringComparison.OrdinalIgnoreCase)
                || resource.Metadata.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Where(resource => readiness switch
            {
                "ready" => resource.Status?.FindReady()?.Status == ConditionStatuses.True,
                "not-ready" => resource.Status?.FindReady()?.Status != ConditionStatuses.True,
                _ => true,
            })
            .OrderBy(resource => resource.Metadata.NamespaceProperty, StringComparer.Ordinal)
            .ThenBy(resource => resource.Metadata.Name, StringComparer.Ordinal)
            .ToList();

        var body = new StringBuilder();
        body.Append("<form class=\"filters\" method=\"get\" action=\"/\"><input type=\"hidden\" name=\"filtered\" value=\"1\">");
        foreach (var (type, label) in ResourceWords.Types)
        {
            var value = PlatformNames.Of(type);
            body.Append($"<label><input type=\"checkbox\" name=\"type\" value=\"{value}\"{(types.Contains(type) ? " checked" : "")}> {Html.Text(label)}</label>");
        }

        body.Append($"<label>Filter <input type=\"search\" name=\"q\" value=\"{Html.Text(text)}\" placeholder=\"value or name\"></label>");
        body.Append("<label>Readiness <select name=\"ready\">");
        foreach (var (value, label) in new[] { ("", "All"), ("ready", "Ready"), ("not-ready", "Not ready") })
        {
            body.Append($"<option value=\"{value}\"{(readiness == value ? " selected" : "")}>{label}</option>");
        }

        body.Append("</select></label><button type=\"submit\">Apply</button></form>");
        body.Append("<div id=\"resource-list\" data-live>");
        body.Append($"<p class=\"count\">{shown.Count} of {resources.Count} resources</p>");
        body.Append("<table id=\"resources\"><thead><tr><th>Value</th><th>Name</th><th>Namespace</th><th>Type</th><th>Country</th><th>Capabilities</th><th>Ready</th><th>Reason</th><th>Associations</th></tr></thead><tbody>");
        foreach (var resource in shown)
        {
            var ready = resource.Status?.FindReady();
            body.Append("<tr>")
                .Append($"<td><a href=\"{ResourcePage.Link(resource)}\">{Html.Text(ResourceWords.Value(resource))}</a></td>")
                .Append($"<td>{Html.Text(resource.Metadata.Name)}</td>")
                .Append($"<td>{Html.Text(resource.Metadata.NamespaceProperty)}</td>")
                .Append($"<td>{Html.Text(ResourceWords.TypeLabel(resource.Spec.Type))}</td>")
                .Append($"<td>{Html.Text(resource.Spec.Number?.Country)}</td>")
                .Append($"<td>{Html.Text(ResourceWords.Capabilities(resource))}</td>")
                .Append($"<td>{Html.Readiness(ready?.Status)}</td>")
                .Append($"<td>{Html.Text(ready?.Reason)}</td>")
                .Append($"<td>{resource.Status?.AssociationCount ?? 0}</td>")
                .Append("</tr>");
        }

        body.Append("</tbody></table></div>");
        return Html.Page("Resources", body.ToString());
    }
}
