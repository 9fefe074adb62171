using System.Text;

using CpaasX.Operator.Api;
using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.WebConsole;

/// <summary>Needs attention: every cpaasx.io object in scope that is not Ready, grouped by its Ready reason, linked to the object.</summary>
internal static class AttentionPage
{
    public const string Path = "/attention";

    /// <summary>The group of an object the operator has not reported on yet.</summary>
    public const string NotReconciled = "NotReconciledYet";

    public static string Render(IReadOnlyList<ICustomResource> objects)
    {
        var groups = objects
            .Select(obj => (Object: obj, Ready: obj.StatusObject?.FindReady()))
            .Where(entry => entry.Ready?.Status != ConditionStatuses.True)
            .GroupBy(entry => entry.Ready?.Reason is { Length: > 0 } reason ? reason : NotReconciled)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToList();

        var body = new StringBuilder("<div id=\"attention\" data-live>");
        if (groups.Count == 0)
        {
            body.Append("<p class=\"notice\">Every object is Ready.</p>");
        }

        foreach (var group in groups)
        {
            body.Append($"<h2>{Html.Text(group.Key)} ({group.Count()})</h2>");
            body.Append("<table class=\"attention\"><thead><tr><th>Kind</th><th>Object</th><th>Message</th></tr></thead><tbody>");
            foreach (var (obj, ready) in group.OrderBy(entry => entry.Object.Kind, StringComparer.Ordinal).ThenBy(entry => entry.Object.Metadata.Name, StringComparer.Ordinal))
            {
                var kind = ObjectReferences.KindOf(obj);
                var @namespace = obj.Metadata.NamespaceProperty;
                var link = obj is Resource resource ? ResourcePage.Link(resource) : YamlPage.Link(kind, @namespace, obj.Metadata.Name);
                body.Append("<tr>")
                    .Append($"<td>{Html.Text(kind.Kind)}</td>")
                    .Append($"<td><a href=\"{link}\">{Html.Text(@namespace)}/{Html.Text(obj.Metadata.Name)}</a></td>")
                    .Append($"<td>{Html.Text(ready?.Message ?? "The operator has not reported on it yet.")}</td>")
                    .Append("</tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("</div>");
        return Html.Page("Needs attention", body.ToString());
    }
}
