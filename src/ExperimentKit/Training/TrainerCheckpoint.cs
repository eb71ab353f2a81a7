using System.Text.Json;
using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.IO;
using ExperimentKit.Models;
using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// The trainer's files in a checkpoint folder, beside the model: optimizer.bin (<see cref="AdamW"/>'s state in TorchSharp's
/// format: per parameter step, exp_avg and exp_avg_sq, bit for bit), scheduler.json, rng_state.safetensors (LibTorch's default generator,
/// the sampler's generator and the current epoch's order), trainer_state.json (Hugging Face's) and resume_state.json.
/// </summary>
public static class TrainerCheckpoint
{
    public const string TrainerStateFile = "trainer_state.json";
    private const string OptimizerFile = "optimizer.bin";
    private const string SchedulerFile = "scheduler.json";
    private const string RngFile = "rng_state.safetensors";
    private const string ResumeFile = "resume_state.json";
    private const string TorchRng = "torch_cpu";
    private const string SamplerRng = "sampler";
    private const string EpochOrder = "epoch_order";

    private static readonly JsonSerializerOptions Json = new(LogHistoryJson.IndentedOptions) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(string folder, AdamW optimizer, EpochSampler sampler, int[] order, JsonObject trainerState, ResumePosition position)
    {
        using (var writer = new BinaryWriter(File.Create(Path.Combine(folder, OptimizerFile))))
        {
            optimizer.Save(writer);
        }

        File.WriteAllText(Path.Combine(folder, SchedulerFile), new JsonObject { ["last_epoch"] = trainerState["global_step"]!.DeepClone() }.ToJsonString(Json));
        using (var scope = NewDisposeScope())
        {
            SafeTensorsFile.Save(
                Path.Combine(folder, RngFile),
                [(TorchRng, get_rng_state()), (SamplerRng, sampler.GetState()), (EpochOrder, tensor(order.Select(i => (long)i).ToArray()))]);
        }

        WriteTrainerState(folder, trainerState);
        File.WriteAllText(Path.Combine(folder, ResumeFile), JsonSerializer.Serialize(position, Json));
    }

    /// <summary>trainer_state.json into <paramref name="folder"/>, written under a temporary name and renamed.</summary>
    public static void WriteTrainerState(string folder, JsonObject trainerState) =>
        AtomicFile.WriteAllText(Path.Combine(folder, TrainerStateFile), trainerState.ToJsonString(Json));

    /// <summary>Restores the optimizer, both generators and the loop position; the model's weights are the caller's to load.</summary>
    public static (JsonObject TrainerState, ResumePosition Position, int[] Order) Read(string folder, AdamW optimizer, EpochSampler sampler)
    {
        using (var reader = new BinaryReader(File.OpenRead(Path.Combine(folder, OptimizerFile))))
        {
            optimizer.Load(reader);
        }

        int[] order;
        using (var scope = NewDisposeScope())
        {
            var rng = SafeTensorsFile.Load(Path.Combine(folder, RngFile));
            set_rng_state(rng[TorchRng]);
            sampler.SetState(rng[SamplerRng]);
            order = rng[EpochOrder].data<long>().Select(i => (int)i).ToArray();
        }

        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, TrainerStateFile)))!.AsObject();
        var position = JsonSerializer.Deserialize<ResumePosition>(File.ReadAllText(Path.Combine(folder, ResumeFile)), Json)
            ?? throw new InvalidDataException($"{Path.Combine(folder, ResumeFile)} is empty.");
        return (state, position, order);
    }
}
