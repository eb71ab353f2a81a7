using ExperimentKit.Experiments;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Torch;

/// <summary>
/// Where a run trains and in what precision, as transformers' TrainingArguments decide it: the CPU with use_cpu,
/// otherwise CUDA when LibTorch reports it, otherwise the CPU; fp16 and bf16 autocast on CUDA only.
/// </summary>
public sealed record TrainingDevice(Device Device, ScalarType? ComputeType)
{
    public static TrainingDevice Resolve(ExperimentSpec spec) => Resolve(spec, cuda.is_available());

    /// <param name="cudaAvailable">Whether LibTorch reports a CUDA device (a CPU build of LibTorch never does).</param>
    public static TrainingDevice Resolve(ExperimentSpec spec, bool cudaAvailable)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var args = spec.Training;
        // Not torch.CUDA, which initialises LibTorch's CUDA backend on the spot and throws where there is none.
        var device = args.UseCpu || !cudaAvailable ? CPU : new Device(DeviceType.CUDA, index: -1);
        var type = ComputeTypeOf(args);
        if (type is not null && device.type != DeviceType.CUDA)
        {
            var key = args.Fp16 ? "fp16" : "bf16";
            // use_cpu: true with fp16 is a build error; here the automatic choice found no GPU, which only the run can know.
            throw new ExperimentConfigurationException(
                spec.Locations.FilePath,
                spec.Locations.Find("training." + key),
                SchemaRules.ConflictingSettings.Id,
                $"training.{key} is mixed precision on CUDA, but LibTorch reports no CUDA device, so this run would train on the CPU: "
                + $"build with -p:TorchBackend=cuda on a machine with an NVIDIA GPU, or drop '{key}'.");
        }

        return new TrainingDevice(device, type);
    }

    public bool IsCuda => Device.type == DeviceType.CUDA;

    /// <summary>The type autocast computes matmuls in: float16 with fp16, bfloat16 with bf16, else none (float32).</summary>
    public static ScalarType? ComputeTypeOf(TrainingSpec args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Fp16 ? ScalarType.Float16 : args.Bf16 ? ScalarType.BFloat16 : null;
    }
}
