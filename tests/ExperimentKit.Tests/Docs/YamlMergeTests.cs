namespace ExperimentKit.Tests.Docs;

/// <summary>A fragment deep-merged over an experiment, as the yaml: merged over marker asks.</summary>
public sealed class YamlMergeTests
{
    private const string Base = "name: x\ndataset:\n  name: glue/mrpc\n  max_train_samples: 8\nmetrics: [accuracy, f1]\ntraining:\n  seed: 1\n";

    [Fact]
    public void Mappings_merge_and_other_values_replace()
    {
        var merged = YamlMerge.Over(Base, "dataset:\n  max_eval_samples: 4\nmetrics: [accuracy]\ntraining: {seed: 2}\n", []);

        Assert.Contains("  name: glue/mrpc\n  max_train_samples: 8\n  max_eval_samples: 4\n", merged, StringComparison.Ordinal);
        Assert.Contains("accuracy", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("f1", merged, StringComparison.Ordinal);
        Assert.Contains("  seed: 2\n", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replaced_section_is_the_fragments_alone()
    {
        var merged = YamlMerge.Over(Base, "dataset:\n  path: reviews\n", ["dataset"]);

        Assert.Contains("dataset:\n  path: reviews\n", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("glue/mrpc", merged, StringComparison.Ordinal);
    }
}
