namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// Carries out the plan's number-level and inbound configuration operations (<see cref="PlanApplier"/> hands them
/// here), keeping the record current after each one.
/// </summary>
internal static class InboundApplier
{
    public static async Task ApplyAsync(PlannedOperation operation, PlatformClient client, SyncRecord record, CancellationToken cancellationToken)
    {
        var owner = operation.Owner!;
        switch (operation.Desired, operation.Action)
        {
            case (PlatformNumber number, PlanAction.Update):
                // The number is the account's, never the sync's: it is recorded as adopted, so nothing ever prunes it.
                await client.UpdateNumberAsync(number, cancellationToken);
                record.Adopted(PlatformKind.Number, number.NumberKey, owner);
                break;
            case (PlatformInboundConfiguration configuration, PlanAction.Create):
                record.Created(PlatformKind.InboundConfiguration, await client.PutInboundConfigurationAsync(configuration, cancellationToken), owner, configuration.Key.Listing);
                break;
            case (PlatformInboundConfiguration configuration, PlanAction.Update):
                var key = await client.PutInboundConfigurationAsync(configuration, cancellationToken);
                if (key != configuration.ConfigurationKey)
                {
                    // The platform made a new configuration instead of updating the matched one: the old one goes,
                    // so the number keeps one configuration per channel and keyword.
                    await client.DeleteInboundConfigurationAsync(configuration.ConfigurationKey!, cancellationToken);
                    record.Forget(PlatformKind.InboundConfiguration, configuration.ConfigurationKey!);
                    record.Created(PlatformKind.InboundConfiguration, key, owner, configuration.Key.Listing);
                }
                else
                {
                    record.Adopted(PlatformKind.InboundConfiguration, key, owner, configuration.Key.Listing);
                }

                break;
            case (PlatformInboundConfiguration configuration, PlanAction.Delete):
                await client.DeleteInboundConfigurationAsync(configuration.ConfigurationKey!, cancellationToken);
                record.Forget(PlatformKind.InboundConfiguration, configuration.ConfigurationKey!);
                break;
            default:
                throw new InvalidOperationException($"No way to carry out {operation}.");
        }
    }
}
