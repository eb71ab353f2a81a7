using System.Runtime;
using ExperimentKit.Training;

namespace ExperimentKit.Tests.Training;

/// <summary>The pause changes the process-wide GC mode, so these run with nothing else in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GarbageCollectorModeCollection
{
    public const string Name = "Garbage collector mode";
}

[Collection(GarbageCollectorModeCollection.Name)]
public sealed class CollectionPauseTests
{
    // Several gen0 budgets on a fresh process (about 1 MB here), yet inside the pause's.
    private const int AllocatedBytes = 48 << 20;

    [Fact]
    public void Another_threads_allocations_collect_nothing_while_a_pause_is_held()
    {
        using (CollectionPause.Begin())
        {
            Assert.Equal(0, CollectionsDuring(AllocateOnAnotherThread));
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Overlapping_pauses_keep_the_region_until_the_last_ends()
    {
        var first = CollectionPause.Begin();
        var second = CollectionPause.Begin();

        first.Dispose();
        first.Dispose();
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        second.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_step_that_outgrows_the_budget_ends_its_pause_without_an_error_and_the_next_pause_holds_again()
    {
        var kept = new List<byte[]>();
        using (CollectionPause.Begin())
        {
            // The runtime grants a little more than asked for; twice the budget is always past it.
            while (kept.Count * 4096L <= 2 * CollectionPause.AllocationBudget)
            {
                kept.Add(new byte[4096]);
            }

            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        GC.KeepAlive(kept);
        using (CollectionPause.Begin())
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
    }

    private static int CollectionsDuring(Action action)
    {
        var before = GC.CollectionCount(0);
        action();
        return GC.CollectionCount(0) - before;
    }

    private static void AllocateOnAnotherThread()
    {
        var thread = new Thread(() =>
        {
            var recent = new byte[16][];
            for (var i = 0; i < AllocatedBytes / 4096; i++)
            {
                recent[i % recent.Length] = new byte[4096];
            }
        });
        thread.Start();
        thread.Join();
    }
}
