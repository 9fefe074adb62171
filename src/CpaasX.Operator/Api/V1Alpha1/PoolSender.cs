using System.ComponentModel;

using CpaasX.Routing.Model;

namespace CpaasX.Operator.Api.V1Alpha1;

[Description("One sender in a strategy's pool.")]
public sealed record PoolSender
{
    [Description("Name of the Resource.")]
    public string? Resource { get; init; }

    [Description("Its sender type.")]
    public SenderType? SenderType { get; init; }

    [Description("Its normalized value.")]
    public string? Value { get; init; }
}
