namespace CpaasX.ApiServer.Faults;

/// <summary>An armed write failure: how many writes to which resource still answer with which code.</summary>
internal sealed record WriteFault(string Resource, int StatusCode)
{
    public int Remaining { get; set; }

    public bool Matches(string plural, string? subresource) =>
        Resource == plural || (subresource is not null && Resource == $"{plural}/{subresource}");
}
