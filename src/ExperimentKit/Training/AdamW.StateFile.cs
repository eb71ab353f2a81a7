using TorchSharp;

namespace ExperimentKit.Training;

/// <summary>The optimizer file, byte for byte what TorchSharp's AdamW.save_state_dict writes.</summary>
public sealed partial class AdamW
{
    /// <summary>
    /// The type name, the group and state counts (LEB128, which is .NET's 7-bit encoding for counts), each group's learning rates and settings, then each
    /// parameter's step and moments (TorchSharp's tensor encoding; no max_exp_avg_sq, since amsgrad is off).
    /// </summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(nameof(AdamW));
        writer.Write7BitEncodedInt64(groups.Length);
        writer.Write7BitEncodedInt64(groups.Sum(g => g.States.Count));
        foreach (var group in groups)
        {
            var (beta1, beta2, epsilon, weightDecay) = group.Hyperparameters;
            writer.Write(group.InitialLearningRate);
            writer.Write(group.LearningRate);
            writer.Write(beta1);
            writer.Write(beta2);
            writer.Write(epsilon);
            writer.Write(weightDecay);
            writer.Write(false);
            writer.Write(false);
        }

        foreach (var state in groups.SelectMany(g => g.States))
        {
            writer.Write(state.Step);
            state.ExpAvg.Save(writer);
            state.ExpAvgSq.Save(writer);
            writer.Write(false);
        }
    }

    /// <summary>Restores what <see cref="Save"/> wrote (or TorchSharp's AdamW) into this optimizer's groups and state.</summary>
    public void Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var name = reader.ReadString();
        var groupCount = reader.Read7BitEncodedInt64();
        var stateCount = reader.Read7BitEncodedInt64();
        if (name != nameof(AdamW) || groupCount != groups.Length || stateCount != groups.Sum(g => g.States.Count))
        {
            throw new InvalidDataException(
                $"The optimizer file holds {name} with {groupCount} groups and {stateCount} parameters; this AdamW has {groups.Length} and {groups.Sum(g => g.States.Count)}.");
        }

        foreach (var group in groups)
        {
            group.InitialLearningRate = reader.ReadDouble();
            group.LearningRate = reader.ReadDouble();
            group.Hyperparameters = new AdamWHyperparameters(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
            var amsgrad = reader.ReadBoolean();
            var maximize = reader.ReadBoolean();
            if (amsgrad || maximize)
            {
                throw new InvalidDataException("The optimizer file was written with amsgrad or maximize, which this AdamW does not do.");
            }
        }

        foreach (var state in groups.SelectMany(g => g.States))
        {
            state.Step = reader.ReadInt64();
            state.ExpAvg.Load(reader);
            state.ExpAvgSq.Load(reader);
            if (reader.ReadBoolean())
            {
                throw new InvalidDataException("The optimizer file holds max_exp_avg_sq (amsgrad), which this AdamW does not keep.");
            }
        }
    }
}
