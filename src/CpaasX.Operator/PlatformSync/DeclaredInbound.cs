using CpaasX.Operator.Api.Schema;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// What a namespace declares for the platform's tagging of inbound messages: the number-level application/entity of
/// each NUMBER Resource that names one, and each InboundConfiguration of a number. Both need the number's
/// <c>numberKey</c>, which the platform keys numbers by. A number that names neither application nor entity leaves
/// the number level as the account has it (a shared short code's belongs to others).
/// </summary>
internal static class DeclaredInbound
{
    public static (List<Declared<PlatformNumber>> Numbers, List<Declared<PlatformInboundConfiguration>> Configurations) From(
        List<ICustomResource> ready,
        Dictionary<string, Application> applications,
        Dictionary<string, Entity> entities,
        Dictionary<string, Resource> resources,
        List<(string Owner, string Reason)> notSynced)
    {
        bool Resolves(LocalObjectReference? application, LocalObjectReference? entity) =>
            DeclaredAccount.Resolves(applications, application) && DeclaredAccount.Resolves(entities, entity);

        List<Declared<PlatformNumber>> numbers = [];
        foreach (var resource in ready.OfType<Resource>().Where(item => item.Spec.ApplicationRef is not null || item.Spec.EntityRef is not null))
        {
            var owner = DeclaredAccount.Owner(resource);
            if (!Resolves(resource.Spec.ApplicationRef, resource.Spec.EntityRef))
            {
                notSynced.Add((owner, DeclaredAccount.NotReadyReference));
            }
            else if (resource.Spec.Number?.NumberKey is not string numberKey)
            {
                notSynced.Add((owner, PlatformMapping.NoNumberKey));
            }
            else
            {
                numbers.Add(new(new PlatformNumber(
                    numberKey,
                    DeclaredAccount.ApplicationId(applications, resource.Spec.ApplicationRef) ?? DeclaredAccount.DefaultApplication,
                    DeclaredAccount.EntityId(entities, resource.Spec.EntityRef)), owner));
            }
        }

        List<Declared<PlatformInboundConfiguration>> configurations = [];
        foreach (var configuration in ready.OfType<InboundConfiguration>())
        {
            var owner = DeclaredAccount.Owner(configuration);
            var spec = configuration.Spec;
            if (!resources.TryGetValue(spec.ResourceRef!.Name, out var resource) || !Resolves(spec.ApplicationRef, spec.EntityRef))
            {
                notSynced.Add((owner, DeclaredAccount.NotReadyReference));
            }
            else if (resource.Spec.Type != ResourceType.Number)
            {
                notSynced.Add((owner, $"{PlatformMapping.NoPlatformApi} (the platform keys a {JsonNames.Of(resource.Spec.Type!.Value)} sender's inbound configurations by a resource key the Resource does not carry)"));
            }
            else if (resource.Spec.Number?.NumberKey is not string numberKey)
            {
                notSynced.Add((owner, PlatformMapping.NoNumberKey));
            }
            else
            {
                configurations.Add(new(PlatformInboundConfiguration.Of(
                    null,
                    new InboundKey(numberKey, JsonNames.Of(spec.Channel!.Value), spec.Keyword),
                    DeclaredAccount.ApplicationId(applications, spec.ApplicationRef),
                    DeclaredAccount.EntityId(entities, spec.EntityRef)), owner));
            }
        }

        return (numbers, configurations);
    }
}
