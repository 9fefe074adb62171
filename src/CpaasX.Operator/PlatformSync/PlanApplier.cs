namespace CpaasX.Operator.PlatformSync;

/// <summary>
/// Carries a plan out, one operation at a time in the plan's order, keeping the record current after each one so a
/// pass interrupted at any point (a restart, a revoked key) is resumed by the next plan without repeating a create.
/// The pass stops at the first operation that fails for good: what follows usually depends on it (an association on
/// its application), and the next pass plans it again from the account as it then is.
/// </summary>
public static class PlanApplier
{
    public static Task<ApplyReport> ApplyAsync(SyncPlan plan, PlatformClient client, SyncRecord record, CancellationToken cancellationToken) =>
        ApplyAsync(plan, client, record, _ => Task.CompletedTask, cancellationToken);

    /// <param name="saveRecord">Stores the record; called after the adoptions and after each operation, so a restart loses at most the one in flight.</param>
    public static async Task<ApplyReport> ApplyAsync(
        SyncPlan plan, PlatformClient client, SyncRecord record, Func<CancellationToken, Task> saveRecord, CancellationToken cancellationToken)
    {
        foreach ((var kind, var key, var owner, var listing) in plan.Adoptions)
        {
            record.Adopted(kind, key, owner, listing);
        }

        if (plan.Adoptions.Count > 0)
        {
            await saveRecord(cancellationToken);
        }

        List<PlannedOperation> done = [];
        foreach (var operation in plan.Operations)
        {
            try
            {
                await ApplyAsync(operation, client, record, cancellationToken);
            }
            catch (PlatformApiException error)
            {
                return new ApplyReport(done, (operation, error), plan.Operations.Count - done.Count);
            }

            done.Add(operation);
            await saveRecord(cancellationToken);
        }

        return new ApplyReport(done, null, 0);
    }

    private static async Task ApplyAsync(PlannedOperation operation, PlatformClient client, SyncRecord record, CancellationToken cancellationToken)
    {
        var owner = operation.Owner!;
        switch (operation.Desired, operation.Action)
        {
            case (PlatformNamed named, PlanAction.Create):
                if (await client.CreateAsync(operation.Kind, named, cancellationToken))
                {
                    record.Created(operation.Kind, named.Id, owner);
                }
                else
                {
                    // 409: it exists (made since the plan read the account). Adopt it, renaming it if the name differs.
                    var current = await client.GetAsync(operation.Kind, named.Id, cancellationToken);
                    if (named.Name is not null && current?.Name != named.Name)
                    {
                        await client.RenameAsync(operation.Kind, named, cancellationToken);
                    }

                    record.Adopted(operation.Kind, named.Id, owner);
                }

                break;
            case (PlatformNamed named, PlanAction.Update):
                await client.RenameAsync(operation.Kind, named, cancellationToken);
                record.Adopted(operation.Kind, named.Id, owner);
                break;
            case (PlatformNamed named, PlanAction.Delete):
                await client.DeleteAsync(operation.Kind, named.Id, cancellationToken);
                record.Forget(operation.Kind, named.Id);
                break;
            case (AssociationKey association, PlanAction.Create):
                if (await client.CreateAsync(association, cancellationToken))
                {
                    record.Created(operation.Kind, operation.Key, owner);
                }
                else
                {
                    record.Adopted(operation.Kind, operation.Key, owner);
                }

                break;
            case (AssociationKey association, PlanAction.Delete):
                await client.DeleteAsync(association, cancellationToken);
                record.Forget(operation.Kind, operation.Key);
                break;
            case (PlatformStrategy strategy, PlanAction.Create):
                record.Created(operation.Kind, await client.CreateAsync(strategy, cancellationToken), owner);
                break;
            case (PlatformStrategy strategy, PlanAction.Delete):
                await client.DeleteStrategyAsync(strategy.Id!, cancellationToken);
                record.Forget(operation.Kind, strategy.Id!);
                break;
            case (PlatformNumber or PlatformInboundConfiguration, _):
                await InboundApplier.ApplyAsync(operation, client, record, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"No way to carry out {operation}.");
        }
    }
}
