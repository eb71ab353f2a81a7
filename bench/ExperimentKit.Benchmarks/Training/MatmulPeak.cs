using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Benchmarks.Training;

/// <summary>
/// This machine's float32 matmul rate, measured the way the MFU's denominator needs it: the best of several large
/// torch.mm calls, 2048² and 4096², so that a size the matrix library happens to handle worse does not flatter the MFU.
/// </summary>
internal static class MatmulPeak
{
    public static double FlopsPerSecond(Device device) => Math.Max(FlopsPerSecond(device, 2048, 6), FlopsPerSecond(device, 4096, 3));

    private static double FlopsPerSecond(Device device, int size, int repeats)
    {
        using var scope = NewDisposeScope();
        var a = randn(size, size, device: device);
        var b = randn(size, size, device: device);
        mm(a, b);
        var best = double.MaxValue;
        for (var r = 0; r < repeats; r++)
        {
            Synchronize(device);
            var clock = Stopwatch.StartNew();
            mm(a, b);
            Synchronize(device);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return 2.0 * size * size * size / best;
    }

    /// <summary>Waits for the device's queued work (a no-op on the CPU, where LibTorch calls return when done).</summary>
    public static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA)
        {
            cuda.synchronize(device);
        }
    }
}
