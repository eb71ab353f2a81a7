namespace ExperimentKit.Benchmarks.Training;

/// <summary>
/// One configuration's measurement: throughput, where a step's time goes, and the matmul FLOPs utilisation against the
/// float32 peak measured in the same run, with and without the padding's FLOPs. MatmulMs is the step's matmuls replayed
/// alone (<see cref="MatmulReplay"/>) and MatmulEfficiency their FLOP rate over the peak: the MFU's ceiling at these shapes.
/// </summary>
internal sealed record ThroughputRow(
    string Shape,
    int Batch,
    string Order,
    string Device,
    int Threads,
    int Steps,
    double SamplesPerSecond,
    double TokensPerSecond,
    double PaddingShare,
    double DataMs,
    double ForwardMs,
    double BackwardMs,
    double OptimizerMs,
    double StepMs,
    double MatmulMs,
    double MatmulEfficiency,
    double PeakGflops,
    double MfuPadded,
    double MfuReal,
    string Measured)
{
    /// <summary>The same measurement over another peak (in GFLOP/s).</summary>
    public ThroughputRow AgainstPeak(double peakGflops)
    {
        var scale = PeakGflops / peakGflops;
        return this with { PeakGflops = peakGflops, MfuPadded = MfuPadded * scale, MfuReal = MfuReal * scale, MatmulEfficiency = MatmulEfficiency * scale };
    }

    /// <summary>Rows of the same key compare across runs.</summary>
    public string Key => $"{Shape}|{Batch}|{Order}|{Device}|{Threads}";
}
