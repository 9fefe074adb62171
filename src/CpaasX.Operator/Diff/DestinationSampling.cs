namespace CpaasX.Operator.Diff;

/// <summary>
/// How moved shares are estimated: <paramref name="DestinationsPerCountry"/> sample destinations per (application,
/// entity, channel) and country. Each destination's moved part lies in [0, 1], so the mean of n of them is within
/// <see cref="ErrorBound"/> = 1.96·√(¼/n) of the share over all destinations with 95% confidence (the normal
/// approximation at the worst-case variance ¼).
/// </summary>
public sealed record DestinationSampling(int DestinationsPerCountry)
{
    public const int DefaultDestinationsPerCountry = 1_000;

    public double Confidence => 0.95;

    public double ErrorBound => Math.Round(1.96 * Math.Sqrt(0.25 / DestinationsPerCountry), 4);
}
