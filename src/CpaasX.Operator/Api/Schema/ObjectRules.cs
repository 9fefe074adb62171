using System.Collections.Concurrent;

using CpaasX.Operator.Api.Markers;
using CpaasX.Operator.Api.V1Alpha1;
using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.Schema;

/// <summary>
/// Every rule one object states about itself across its fields, each as a CEL rule for the API server and the same
/// check in C#, side by side so they change together.
/// </summary>
public static class ObjectRules
{
    private static readonly (ResourceType Type, string Field, Func<ResourceSpec, object?> Member)[] ResourceMembers =
    [
        (ResourceType.Number, "number", spec => spec.Number),
        (ResourceType.Alpha, "alpha", spec => spec.Alpha),
        (ResourceType.Domain, "domain", spec => spec.Domain),
        (ResourceType.ChatApp, "chatApp", spec => spec.ChatApp),
        (ResourceType.WebRtcPush, "webRtcPush", spec => spec.WebRtcPush),
    ];

    private static readonly string[] GeolocatedCountries = ["US", "CA"];

    /// <summary>All object rules.</summary>
    public static IReadOnlyList<ObjectRule> All { get; } =
    [
        .. ResourceMembers.Select(member => ObjectRule.For<ResourceSpec>(
            $"(self.type == '{JsonNames.Of(member.Type)}') == has(self.{member.Field})",
            $"{member.Field} must be set exactly when type is {JsonNames.Of(member.Type)}",
            "." + member.Field,
            spec => spec.Type is null || (spec.Type == member.Type) == (member.Member(spec) is not null))),
        NumberOnly("applicationRef", spec => spec.ApplicationRef),
        NumberOnly("entityRef", spec => spec.EntityRef),
        ObjectRule.For<NumberSpec>(
            $"self.numberType == '{JsonNames.Of(NumberType.ShortCode)}' ? {FieldRules.ShortCode.CelMatches("self.number")} : {FieldRules.E164.CelMatches("self.number")}",
            "number must be 3 to 8 digits for a SHORT_CODE and E.164 ('+' and 8 to 15 digits) otherwise",
            ".number",
            spec => spec.Number is null || spec.NumberType is null
                || (spec.NumberType == NumberType.ShortCode ? FieldRules.ShortCode : FieldRules.E164).MatchesPattern(spec.Number)),
        ObjectRule.For<ResourceAssociationSpec>(
            "has(self.applicationRef) || has(self.entityRef)",
            "at least one of applicationRef and entityRef must be set",
            null,
            spec => spec.ApplicationRef is not null || spec.EntityRef is not null),
        ObjectRule.For<SenderStrategySpec>(
            "!has(self.priorities) || self.priorities.all(p, self.priorities.exists_one(q, q.senderType == p.senderType))",
            "each senderType may appear at most once in priorities",
            ".priorities",
            spec => spec.Priorities is null || spec.Priorities.GroupBy(priority => priority.SenderType).All(group => group.Count() == 1)),
        ObjectRule.For<SenderStrategySpec>(
            $"!self.useGeolocatedSender || !has(self.destinationCountryCode) || self.destinationCountryCode in [{string.Join(", ", GeolocatedCountries.Select(country => $"'{country}'"))}]",
            "useGeolocatedSender applies to US and CA destinations only",
            ".useGeolocatedSender",
            spec => !spec.UseGeolocatedSender || spec.DestinationCountryCode is null || GeolocatedCountries.Contains(spec.DestinationCountryCode)),
    ];

    // Validation asks for the rules of every object and nested value it checks.
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ObjectRule>> ByTarget = new();

    /// <summary>The rules whose <c>self</c> is the schema node of <paramref name="type"/>.</summary>
    public static IReadOnlyList<ObjectRule> For(Type type) => ByTarget.GetOrAdd(type, static type => [.. All.Where(rule => rule.Target == type)]);

    private static ObjectRule NumberOnly(string field, Func<ResourceSpec, LocalObjectReference?> reference) =>
        ObjectRule.For<ResourceSpec>(
            $"self.type == '{JsonNames.Of(ResourceType.Number)}' || !has(self.{field})",
            $"{field} (number-level routing) is allowed only when type is NUMBER",
            "." + field,
            spec => spec.Type is null or ResourceType.Number || reference(spec) is null);
}
