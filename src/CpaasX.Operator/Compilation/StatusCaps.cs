using System.Globalization;

using CpaasX.Operator.Api.Markers;
using CpaasX.Operator.Api.V1Alpha1;

namespace CpaasX.Operator.Compilation;

/// <summary>
/// Caps on what a status lists or says, so that every status fits its CRD's limits whatever the namespace's size: a
/// status the API refuses leaves its object unreported. The caps are written down in docs/api.md, "Status caps".
/// </summary>
internal static class StatusCaps
{
    /// <summary>The longest condition message the CRDs accept.</summary>
    public static readonly int MaxMessageLength = FieldRules.ConditionMessage.MaxLength!.Value;

    /// <summary>The first <see cref="AssociationList.MaxListed"/> names, comma-separated, then "… and 1,234 more" for the rest.</summary>
    public static string List(IReadOnlyCollection<string> names) => names.Count <= AssociationList.MaxListed
        ? string.Join(", ", names)
        : $"{string.Join(", ", names.Take(AssociationList.MaxListed))} … and {(names.Count - AssociationList.MaxListed).ToString("N0", CultureInfo.InvariantCulture)} more";

    /// <summary><paramref name="message"/> cut to <see cref="MaxMessageLength"/>, saying how much was cut.</summary>
    public static string Message(string message)
    {
        if (message.Length <= MaxMessageLength)
        {
            return message;
        }

        // The suffix is at most 40 characters; the cut leaves room for it.
        var kept = message[..(MaxMessageLength - 40)];
        return $"{kept} … and {(message.Length - kept.Length).ToString("N0", CultureInfo.InvariantCulture)} more characters";
    }
}
