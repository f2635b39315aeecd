using NewsArchive.Export;

namespace NewsArchive.Tests.Export;

public sealed class ReadAheadTests
{
    [Fact]
    public void Of_ManyItems_KeepsEveryItemInOrder()
    {
        Assert.Equal(Enumerable.Range(0, 10_000), ReadAhead.Of(Enumerable.Range(0, 10_000), capacity: 16));
    }

    [Fact]
    public void Of_SourceThrows_ConsumerGetsTheException()
    {
        static IEnumerable<int> Failing()
        {
            yield return 1;
            throw new InvalidOperationException("broken source");
        }

        var seen = new List<int>();
        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing()))
            {
                seen.Add(item);
            }
        });
        Assert.Equal("broken source", ex.Message);
        Assert.Equal([1], seen);
    }

    [Fact]
    public void Of_ConsumerStopsEarly_SourceIsStoppedAndDisposed()
    {
        var disposed = new TaskCompletionSource();
        IEnumerable<int> Endless()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    yield return i;
                }
            }
            finally
            {
                disposed.SetResult();
            }
        }

        Assert.Equal([0, 1, 2], ReadAhead.Of(Endless(), capacity: 4).Take(3));
        Assert.True(disposed.Task.IsCompleted);
    }
}
