using ExperimentKit.Schema.Model;
using ExperimentKit.Metrics;
using FsCheck.Xunit;

namespace ExperimentKit.Tests.Metrics;

[Properties(Arbitrary = [typeof(MetricArbitraries)])]
public sealed class SeqevalProperties
{
    [Property]
    public bool The_result_ignores_the_order_of_the_sentences(TagPairs pairs)
    {
        var permuted = pairs.Permuted();
        return new[] { false, true }.All(strict => Json(pairs, strict) == Json(permuted, strict));
    }

    [Property]
    public bool Perfect_predictions_score_one(TagPairs pairs)
    {
        var references = pairs.References;
        return new[] { false, true }.All(strict =>
        {
            var result = Seqeval.Compute(references, references, strict, TagScheme.Iobes);
            var hasEntities = result.Count > 4;
            var hasTokens = references.Any(sentence => sentence.Length > 0);
            return (!hasEntities || (double)result["overall_f1"]! == 1)
                && (!hasTokens || (double)result["overall_accuracy"]! == 1);
        });
    }

    [Property]
    public bool Overall_accuracy_is_a_share(TagPairs pairs)
    {
        var accuracy = (double)Seqeval.Compute(pairs.Predictions, pairs.References)["overall_accuracy"]!;
        return accuracy is >= 0 and <= 1;
    }

    private static string Json(TagPairs pairs, bool strict) =>
        Seqeval.Compute(pairs.Predictions, pairs.References, strict, TagScheme.Iobes).ToJsonString();
}
