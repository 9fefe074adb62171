namespace CpaasX.ApiServer.Counters;

/// <summary>
/// Every request on a served resource, in arrival order, when <see cref="EmbeddedApiServerOptions.RecordRequests"/> is
/// on: what a test needs to prove a client's RBAC rules (the counters keep no group, namespace or client).
/// </summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    internal RequestLog(bool recording)
    {
        IsRecording = recording;
    }

    public bool IsRecording { get; }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    internal void Record(RecordedRequest request)
    {
        if (!IsRecording)
        {
            return;
        }

        lock (_gate)
        {
            _requests.Add(request);
        }
    }
}
