using System.Globalization;
using System.Text;

namespace CpaasX.Operator.Api.Validation;

/// <summary>
/// Where the validator is in an object, kept as segments and written out (<c>spec.priorities[0].senderType</c>) only
/// when a violation is reported: almost every field is valid, and a path string per field was half of what a compile
/// allocated.
/// </summary>
internal sealed class FieldPath
{
    private const int NoIndex = -1;

    private readonly List<(string? Name, int Index)> _segments = [];

    public void Push(string name) => _segments.Add((name, NoIndex));

    public void PushIndex(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    public override string ToString()
    {
        StringBuilder text = new();
        foreach ((var name, var index) in _segments)
        {
            if (name is null)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{index}]");
            }
            else
            {
                text.Append(text.Length == 0 ? name : "." + name);
            }
        }

        return text.ToString();
    }
}
