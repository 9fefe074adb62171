using CpaasX.Operator.Runtime.Queue;

namespace CpaasX.Operator.Tests.Runtime;

public sealed class ExponentialBackoffTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    public void Doubles_with_every_failure(int failures, int expectedMilliseconds)
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(5), TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), backoff.DelayAfter(failures));
    }

    [Theory]
    [InlineData(17)]
    [InlineData(64)]
    [InlineData(int.MaxValue)]
    public void Stops_at_the_cap(int failures)
    {
        Assert.Equal(TimeSpan.FromMinutes(5), WorkQueueSettings.DefaultRetryBackoff.DelayAfter(failures));
    }

    [Fact]
    public void Default_queue_backoff_is_still_below_the_cap_after_sixteen_failures()
    {
        // 5 ms * 2^15 = 163.84 s: the sixteenth failure is the last one that doubles.
        Assert.Equal(TimeSpan.FromMilliseconds(163_840), WorkQueueSettings.DefaultRetryBackoff.DelayAfter(16));
    }

    [Fact]
    public void No_failures_means_no_delay()
    {
        Assert.Equal(TimeSpan.Zero, WorkQueueSettings.DefaultRetryBackoff.DelayAfter(0));
    }
}
