using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

using Microsoft.AspNetCore.Http;

namespace CpaasX.Operator.WebConsole;

/// <summary>
/// One change the console makes in the cluster as the user, from a resource's page: what it is in words (for the
/// refusal, "remove association x"), the RBAC right it needs ("delete resourceassociations"), the write itself, and the
/// query that tells the page what was done (<see cref="ResourcePage.DoneFrom"/>). The console checks nothing the API
/// server checks: a form it refuses (a missing channel, a bad name) comes back with the server's own message.
/// </summary>
internal sealed record ConsoleChange(string What, string Right, Func<CancellationToken, Task> Apply, string DoneQuery)
{
    /// <summary>Deletes the association the confirmation named.</summary>
    public static ConsoleChange Remove(ConsoleCluster cluster, string @namespace, IFormCollection form)
    {
        var association = form[ResourcePage.AssociationField].ToString();
        return new(
            $"remove association {association}",
            $"delete {CustomResourceKinds.ResourceAssociation.Plural}",
            cancellationToken => cluster.DeleteAssociationAsync(@namespace, association, cancellationToken),
            $"{ResourcePage.RemovedQuery}={Uri.EscapeDataString(association)}");
    }

    /// <summary>Creates an association of the resource for one channel with an application, an entity or the pair.</summary>
    public static ConsoleChange Associate(ConsoleCluster cluster, string @namespace, string resource, IFormCollection form)
    {
        Channel? channel = PlatformNames.TryParse<Channel>(form[ResourcePage.ChannelField].ToString(), out var parsed) ? parsed : null;
        var application = Chosen(form, ResourcePage.ApplicationField);
        var entity = Chosen(form, ResourcePage.EntityField);
        var name = Chosen(form, ResourcePage.NameField) ?? AssociationName(resource, channel, application, entity);
        var spec = new ResourceAssociationSpec
        {
            ResourceRef = new() { Name = resource },
            Channel = channel,
            ApplicationRef = application is null ? null : new() { Name = application },
            EntityRef = entity is null ? null : new() { Name = entity },
        };
        return new(
            $"create association {name}",
            $"create {CustomResourceKinds.ResourceAssociation.Plural}",
            cancellationToken => cluster.CreateAssociationAsync(@namespace, name, spec, cancellationToken),
            $"{ResourcePage.AssociatedQuery}={Uri.EscapeDataString(name)}");
    }

    /// <summary>Sets or clears the application and entity of a Resource (number level) or an InboundConfiguration.</summary>
    public static ConsoleChange SetRouting(ConsoleCluster cluster, CustomResourceKind kind, string @namespace, string name, IFormCollection form)
    {
        var application = Chosen(form, ResourcePage.ApplicationField);
        var entity = Chosen(form, ResourcePage.EntityField);
        return new(
            $"set the application and entity of {kind.Kind} {name}",
            $"patch {kind.Plural}",
            cancellationToken => cluster.SetRoutingAsync(kind, @namespace, name, application, entity, cancellationToken),
            $"{ResourcePage.RoutedQuery}={Uri.EscapeDataString(name)}");
    }

    /// <summary>The name an association gets when the form leaves it empty: resource, channel, application, entity.</summary>
    private static string AssociationName(string resource, Channel? channel, string? application, string? entity) =>
        string.Join('-', new[] { resource, channel is { } known ? PlatformNames.Of(known).ToLowerInvariant() : null, application, entity }.OfType<string>());

    /// <summary>A select or text field's value; empty (the "none" choice) is null.</summary>
    private static string? Chosen(IFormCollection form, string field) =>
        form[field].ToString().Trim() is { Length: > 0 } value ? value : null;
}
