namespace ExperimentKit.Training;

/// <summary>One parameter group's fixed AdamW settings (torch.optim.AdamW's betas, eps and weight_decay).</summary>
public sealed record AdamWHyperparameters(double Beta1, double Beta2, double Epsilon, double WeightDecay);
