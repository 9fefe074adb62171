using Microsoft.AspNetCore.WebUtilities;

namespace CpaasX.Operator.Sidecar;

/// <summary>
/// The parameters of one sidecar request, read from its query string with the decoding ASP.NET Core's own query
/// collection uses, but straight into one slot per parameter the endpoint takes: the framework's collection (a
/// dictionary, its entries, a string per name, its enumerator) was a quarter of what a request allocated.
/// Names are matched exactly; a misspelt or repeated parameter would otherwise be ignored or picked arbitrarily and route
/// the wrong message, so either makes the request malformed, an unknown one named before a repeated one.
/// </summary>
internal sealed class SidecarQuery
{
    private readonly IReadOnlyList<string> _names;
    private readonly string?[] _values;

    private SidecarQuery(IReadOnlyList<string> names, string?[] values, string? malformed)
    {
        _names = names;
        _values = values;
        Malformed = malformed;
        Parameter = Value;
    }

    /// <summary>Why the query is malformed, or null.</summary>
    public string? Malformed { get; }

    /// <summary>A parameter's value by name, null when the request does not give it.</summary>
    public Func<string, string?> Parameter { get; }

    /// <param name="queryString">The query string, with or without its leading <c>?</c>.</param>
    /// <param name="names">The parameters the endpoint takes.</param>
    /// <param name="path">The endpoint's path, for the message about an unknown parameter.</param>
    public static SidecarQuery Parse(string? queryString, IReadOnlyList<string> names, string path)
    {
        var values = new string?[names.Count];
        string? unknown = null;
        string? repeated = null;
        foreach (var pair in new QueryStringEnumerable(queryString))
        {
            var name = pair.DecodeName().Span;
            var index = IndexOf(names, name);
            if (index < 0)
            {
                unknown ??= name.ToString();
            }
            else if (values[index] is null)
            {
                values[index] = pair.DecodeValue().ToString();
            }
            else
            {
                repeated ??= names[index];
            }
        }

        var malformed = unknown is not null ? $"{unknown}: not a parameter of {path} ({string.Join(", ", names)})."
            : repeated is not null ? $"{repeated}: given more than once."
            : null;
        return new SidecarQuery(names, values, malformed);
    }

    private string? Value(string name) => IndexOf(_names, name) is var index and >= 0 ? _values[index] : null;

    private static int IndexOf(IReadOnlyList<string> names, ReadOnlySpan<char> name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
