using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Benchmarks.Training;

/// <summary>This machine's float32 matmul rate, measured the way the MFU's denominator needs it: the best of several large torch.mm calls.</summary>
internal static class MatmulPeak
{
    public static double FlopsPerSecond(Device device, int size = 2048, int repeats = 6)
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
