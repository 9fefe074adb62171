namespace CpaasX.ApiServer.Watch;

internal enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}
