namespace ExperimentKit.Training;

/// <summary>
/// A gen0 collection on the training thread before each training or evaluation step, while it is in managed code.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 makes a <c>Scalar</c> for each number it hands LibTorch (alpha = 1 in <c>a + b</c>; β, ε and the
/// learning rate in AdamW's step) and frees it in a finalizer, but nothing keeps it alive during the call that reads it.
/// A collection started by another thread in that window lets the finalizer thread free the Scalar mid-call: the run
/// dies with "Expected false to be true ... Exception raised from toFloat at c10/core/Scalar.h:140" (one 690-step MRPC
/// run here did), or reads a freed value. dotnet/TorchSharp#1434 and #1496 would dispose those Scalars; neither has
/// shipped.
/// A collection this thread starts between steps is safe: every Scalar it can free has been read already. It also hands
/// the step a fresh gen0 budget, so a collection inside the step most likely comes from this thread's own allocations,
/// again at a point in managed code. That narrows the window; it does not close it: another thread that allocates a
/// gen0 budget within one step can still start a collection while this one is in LibTorch.
/// A no-GC region per step would close it (a loop of <c>a + b</c> beside a thread allocating without pause crashed
/// within seconds, and ran 60 s in regions), but opening one per step grew resident memory without bound (the memory
/// benchmark's ratio went from 1.035 to 1.142), so this trades the guarantee for flat memory.
/// </remarks>
public static class StepBoundaryCollection
{
    public static void Collect() => GC.Collect(0, GCCollectionMode.Forced, blocking: true);
}
