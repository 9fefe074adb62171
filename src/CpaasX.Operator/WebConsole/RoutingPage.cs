using System.Text;

using CpaasX.Routing.Model;
using CpaasX.Routing.Resolution;

using Microsoft.AspNetCore.Http;

namespace CpaasX.Operator.WebConsole;

/// <summary>
/// The routing explorer: an outbound question (application, entity, channel, destination, optional sender) or an
/// inbound one (number, channel, text), answered by the routing library's resolver over the namespace's published
/// routing table, with its explanation and links to the objects the answer came from. GET forms: an answer is a link.
/// </summary>
internal static class RoutingPage
{
    public const string Path = "/routing";

    /// <summary>The question asked, read from the query; null when none was asked yet.</summary>
    public sealed record Question(string Namespace, string Direction, IQueryCollection Query)
    {
        public string this[string field] => Query[field].ToString().Trim();

        public static Question? From(IQueryCollection query) =>
            query["direction"].ToString() is "outbound" or "inbound" && query["namespace"].ToString().Trim() is { Length: > 0 } @namespace
                ? new Question(@namespace, query["direction"].ToString(), query)
                : null;
    }

    /// <summary>The answer to <paramref name="question"/> as HTML; a bad channel is said in words.</summary>
    public static string Answer(Question question, RoutingResolver resolver)
    {
        if (!PlatformNames.TryParse<Channel>(question["channel"], out var channel))
        {
            return Problem($"'{question["channel"]}' is not a channel.");
        }

        var body = new StringBuilder("<section id=\"answer\">");
        if (question.Direction == "outbound")
        {
            var answer = resolver.ResolveOutbound(new OutboundRequest(
                question["application"], NullIfEmpty(question["entity"]), channel, question["to"], NullIfEmpty(question["sender"])));
            body.Append(answer.IsRouted
                ? $"<p class=\"notice\">Sent from <strong>{Html.Text(answer.Sender!.Value)}</strong>, Resource "
                    + $"<a href=\"{ResourcePage.Link(question.Namespace, answer.Sender.Resource)}\">{Html.Text(answer.Sender.Resource)}</a> "
                    + $"({Html.Text(answer.Level?.ToString())} level{(answer.Strategy is { } strategy ? $", strategy {Html.Text(strategy)}" : "")}).</p>"
                : $"<p class=\"error\">No route: {Html.Text(answer.Error?.ToString())}. {Html.Text(answer.Message)}</p>");
            body.Append(Explanation(answer.Explanation));
        }
        else
        {
            var answer = resolver.ResolveInbound(new InboundRequest(question["number"], channel, NullIfEmpty(question["text"])));
            body.Append(answer.IsRouted
                ? $"<p class=\"notice\">Goes to application <strong>{Html.Text(answer.Route!.ApplicationId)}</strong>"
                    + (answer.Route.EntityId is { } entity ? $", entity <strong>{Html.Text(entity)}</strong>" : "")
                    + $", from {SourceLink(question.Namespace, answer.Route.Source)}.</p>"
                : $"<p class=\"error\">No route: {Html.Text(answer.Error?.ToString())}. {Html.Text(answer.Message)}</p>");
            body.Append(Explanation(answer.Explanation));
        }

        return body.Append("</section>").ToString();
    }

    public static string Problem(string message) => $"<section id=\"answer\"><p class=\"error\">{Html.Text(message)}</p></section>";

    public static string Render(string? scopeNamespace, IQueryCollection query, string answer)
    {
        // Each form shows the question asked in it; the other form starts empty.
        string Field(string direction, string name, string label, string placeholder = "") =>
            $"<label>{label} <input name=\"{name}\" value=\"{Html.Text(query["direction"] == direction ? query[name].ToString() : "")}\" placeholder=\"{Html.Text(placeholder)}\"></label>";
        var @namespace = query["namespace"].ToString() is { Length: > 0 } asked ? asked : scopeNamespace ?? "";
        var namespaceField = $"<label>Namespace <input name=\"namespace\" value=\"{Html.Text(@namespace)}\" required></label>";

        var body = new StringBuilder()
            .Append("<h2>Outbound</h2><form class=\"filters\" id=\"outbound\" method=\"get\" action=\"/routing\"><input type=\"hidden\" name=\"direction\" value=\"outbound\">")
            .Append(namespaceField).Append(Field("outbound", "application", "Application")).Append(Field("outbound", "entity", "Entity"))
            .Append(Field("outbound", "channel", "Channel", "SMS")).Append(Field("outbound", "to", "To", "+12015550199")).Append(Field("outbound", "sender", "Sender", "optional"))
            .Append("<button type=\"submit\">Resolve outbound</button></form>")
            .Append("<h2>Inbound</h2><form class=\"filters\" id=\"inbound\" method=\"get\" action=\"/routing\"><input type=\"hidden\" name=\"direction\" value=\"inbound\">")
            .Append(namespaceField).Append(Field("inbound", "number", "Number")).Append(Field("inbound", "channel", "Channel", "SMS")).Append(Field("inbound", "text", "Text", "optional"))
            .Append("<button type=\"submit\">Resolve inbound</button></form>")
            .Append(answer);
        return Html.Page("Routing explorer", body.ToString());
    }

    /// <summary>"ResourceAssociation/name" or "InboundConfiguration/name", linked to that object's YAML.</summary>
    private static string SourceLink(string @namespace, string? source)
    {
        var parts = (source ?? "").Split('/', 2);
        return parts.Length == 2 && Api.V1Alpha1.CustomResourceKinds.All.FirstOrDefault(kind => kind.Kind == parts[0]) is { } kind
            ? $"<a href=\"{YamlPage.Link(kind, @namespace, parts[1])}\">{Html.Text(source)}</a>"
            : Html.Text(source);
    }

    private static string Explanation(IReadOnlyList<string> lines) =>
        "<ol class=\"explanation\">" + string.Concat(lines.Select(line => $"<li>{Html.Text(line)}</li>")) + "</ol>";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
