using CpaasX.Testing;

namespace CpaasX.ApiServer.Tests.Support;

/// <summary>The shared poll helper: returns once the condition holds, fails naming what it waited for.</summary>
public sealed class EventuallyTests
{
    [Fact]
    public async Task Returns_once_the_condition_holds()
    {
        var calls = 0;

        await Eventually.UntilAsync(() => Task.FromResult(++calls == 3), TimeSpan.FromSeconds(30), "the third call");

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Fails_naming_what_it_waited_for_when_the_time_is_up()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(
            () => Eventually.UntilAsync(() => Task.FromResult(false), TimeSpan.FromMilliseconds(100), "a condition that never holds"));

        Assert.Contains("a condition that never holds", failure.Message, StringComparison.Ordinal);
    }
}
