using System.Runtime;

namespace ExperimentKit.Training;

/// <summary>
/// Holds off .NET garbage collection while a training or evaluation step runs in LibTorch. The one collection is the
/// one that opens the pause, on the calling thread, between steps.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 makes a <c>Scalar</c> for each number it hands LibTorch (alpha = 1 in <c>a + b</c>; β, ε and the
/// learning rate in AdamW's step) and frees it in a finalizer, but nothing keeps it alive during the call that reads it.
/// A collection started by another thread in that window lets the finalizer thread free the Scalar mid-call: the run
/// dies with "Expected false to be true ... Exception raised from toFloat at c10/core/Scalar.h:140", or reads a freed
/// value. (dotnet/TorchSharp#1434 and #1496 would dispose those Scalars; neither has shipped.) No collection happens in a
/// no-GC region, and the collection that opens one runs while this thread is in managed code, when every Scalar it can
/// free has been read already.
/// The region is process-wide, so steps that overlap on several threads (tests in parallel) share it: it opens when the
/// first begins and closes when the last ends. A step that allocates past the budget makes the runtime collect and leave
/// the region by itself; that step then runs unprotected, as every step would without this.
/// </remarks>
public sealed class CollectionPause : IDisposable
{
    /// <summary>
    /// One step allocates well under a megabyte of managed memory (tensor wrappers, dispose scopes); the rest is room for
    /// other threads. The runtime reserves this up front, so it is kept far below the ephemeral segment limit.
    /// </summary>
    public const long AllocationBudget = 64L << 20;

    private static readonly Lock Gate = new();
    private static int open;
    private bool ended;

    private CollectionPause()
    {
    }

    public static CollectionPause Begin()
    {
        lock (Gate)
        {
            if (open++ == 0 && GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
            {
                // False means the runtime could not reserve the budget; the step then runs unprotected.
                GC.TryStartNoGCRegion(AllocationBudget);
            }
        }

        return new CollectionPause();
    }

    public void Dispose()
    {
        if (ended)
        {
            return;
        }

        ended = true;
        lock (Gate)
        {
            // The mode is no longer NoGCRegion when the budget ran out; EndNoGCRegion would then throw.
            if (--open == 0 && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }
}
