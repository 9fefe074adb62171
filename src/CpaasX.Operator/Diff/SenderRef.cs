namespace CpaasX.Operator.Diff;

/// <summary>A sender in a diff: its value (number, alpha sender, domain...) and the Resource it is.</summary>
public sealed record SenderRef(string Value, string Resource);
