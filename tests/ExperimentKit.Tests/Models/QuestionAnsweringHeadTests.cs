using ExperimentKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

/// <summary>BertForQuestionAnswering and DistilBertForQuestionAnswering: outputs, transformers' span loss, disposal.</summary>
[Collection(TorchCollection.Name)]
public sealed class QuestionAnsweringHeadTests
{
    [Fact]
    public void The_config_has_two_labels_and_names_the_architecture_as_transformers_writes_it()
    {
        using var bert = new BertForQuestionAnswering(TinyBert.ForHeads());
        using var distilbert = new DistilBertForQuestionAnswering(TinyDistilBert.ForHeads());

        Assert.Equal(["LABEL_0", "LABEL_1"], bert.Config.Id2Label.Values);
        Assert.Equal(["BertForQuestionAnswering"], bert.Config.Architectures.ToArray());
        Assert.Equal(["LABEL_0", "LABEL_1"], distilbert.Config.Id2Label.Values);
        Assert.Equal(["DistilBertForQuestionAnswering"], distilbert.Config.Architectures.ToArray());
    }

    [Fact]
    public void A_config_naming_other_than_two_labels_is_refused()
    {
        var threeLabels = TinyBert.ForHeads().WithNumLabels(3);

        Assert.Throws<ArgumentException>(() => new BertForQuestionAnswering(threeLabels));
    }

    [Fact]
    public void Logits_are_start_and_end_per_token_and_the_start_and_end_logits_are_their_slices()
    {
        manual_seed(5);
        using var model = new BertForQuestionAnswering(TinyBert.ForHeads());
        model.eval();
        using var scope = NewDisposeScope();
        var ids = tensor(new long[] { 2, 10, 11, 3, 12, 13, 3, 2, 14, 3, 15, 3, 0, 0 }, [2, 7]);
        var mask = tensor(new long[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0 }, [2, 7]);

        var output = model.forward(ids, mask, null, null);

        Assert.Null(output.Loss);
        Assert.Equal([2L, 7, 2], output.Logits.shape);
        Assert.Equal([2L, 7], output.StartLogits.shape);
        Assert.True(TinyBert.SameBits(output.Logits.select(2, 0).contiguous(), output.StartLogits.contiguous()));
        Assert.True(TinyBert.SameBits(output.Logits.select(2, 1).contiguous(), output.EndLogits.contiguous()));
        Assert.False(TinyBert.SameBits(output.StartLogits.contiguous(), output.EndLogits.contiguous()));
    }

    [Fact]
    public void The_loss_is_the_mean_of_start_and_end_cross_entropy_and_ignores_positions_past_the_sequence()
    {
        manual_seed(6);
        using var model = new BertForQuestionAnswering(TinyBert.ForHeads());
        model.eval();
        using var scope = NewDisposeScope();
        var ids = randint(4, 99, [3, 6], dtype: ScalarType.Int64);
        var mask = ones(3, 6, dtype: ScalarType.Int64);
        // The second answer ends past the 6 tokens (truncated away): clamped to 6, the ignore_index, so its end term
        // is left out. The third starts at -5: clamped to 0 ([CLS]), which counts, as in transformers.
        var labels = tensor(new long[] { 1, 4, 2, 100, -5, 3 }, [3, 2]);

        var output = model.forward(ids, mask, null, labels);

        var start = output.StartLogits.log_softmax(-1);
        var end = output.EndLogits.log_softmax(-1);
        var startLoss = -(start[0, 1].item<float>() + start[1, 2].item<float>() + start[2, 0].item<float>()) / 3;
        var endLoss = -(end[0, 4].item<float>() + end[2, 3].item<float>()) / 2;
        Assert.Equal((startLoss + endLoss) / 2, output.Loss!.item<float>(), precision: 5);
    }

    [Fact]
    public void Labels_that_are_not_start_end_pairs_are_refused()
    {
        using var model = new BertForQuestionAnswering(TinyBert.ForHeads());
        using var scope = NewDisposeScope();
        var ids = ones(2, 5, dtype: ScalarType.Int64);

        var error = Assert.Throws<ArgumentException>(() => model.forward(ids, ones_like(ids), null, tensor(new long[] { 1, 2 })));

        Assert.Contains("[batch, 2]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_the_output_frees_loss_and_logits_once_and_leaves_a_start_view_readable()
    {
        manual_seed(7);
        using var model = new BertForQuestionAnswering(TinyBert.ForHeads());
        model.eval();
        using var ids = randint(4, 99, [2, 5], dtype: ScalarType.Int64);
        using var mask = ones(2, 5, dtype: ScalarType.Int64);
        using var labels = tensor(new long[] { 1, 2, 0, 3 }, [2, 2]);
        var output = model.forward(ids, mask, null, labels);
        using var start = output.StartLogits;
        var expected = output.Logits.select(2, 0).contiguous().data<float>().ToArray();

        output.Dispose();
        output.Dispose();

        Assert.True(output.Logits.IsInvalid);
        Assert.True(output.Loss!.IsInvalid);
        Assert.Equal(expected, start.contiguous().data<float>().ToArray());
    }

    [Fact]
    public void Views_read_inside_a_dispose_scope_go_with_it_and_a_later_dispose_of_the_output_frees_nothing_twice()
    {
        manual_seed(8);
        using var model = new BertForQuestionAnswering(TinyBert.ForHeads());
        QuestionAnsweringModelOutput output;
        Tensor start;
        Tensor end;
        using (NewDisposeScope())
        {
            var ids = randint(4, 99, [2, 5], dtype: ScalarType.Int64);
            output = model.forward(ids, ones_like(ids), null, null);
            start = output.StartLogits;
            end = output.EndLogits;
        }

        Assert.True(output.Logits.IsInvalid);
        Assert.True(start.IsInvalid);
        Assert.True(end.IsInvalid);
        output.Dispose();
    }

    [Fact]
    public void DistilBert_applies_qa_dropout_before_qa_outputs()
    {
        manual_seed(9);
        var config = TinyDistilBert.ForHeads() with { Dropout = 0, AttentionDropout = 0, QaDropout = 1 };
        using var model = new DistilBertForQuestionAnswering(config);
        using var scope = NewDisposeScope();
        var ids = randint(4, 99, [2, 5], dtype: ScalarType.Int64);
        var mask = ones_like(ids);

        model.train();
        var dropped = model.forward(ids, mask, null).Logits;
        model.eval();
        var kept = model.forward(ids, mask, null).Logits;

        // Every hidden state dropped: each logit is qa_outputs' bias, which _init_weights zeroes.
        Assert.True(dropped.eq(0).all().item<bool>());
        Assert.Equal([2L, 5, 2], kept.shape);
        Assert.False(kept.eq(0).all().item<bool>());
    }

    [Fact]
    public void DistilBert_loss_follows_the_same_rule()
    {
        manual_seed(10);
        using var model = new DistilBertForQuestionAnswering(TinyDistilBert.ForHeads());
        model.eval();
        using var scope = NewDisposeScope();
        var ids = randint(4, 99, [2, 6], dtype: ScalarType.Int64);
        var labels = tensor(new long[] { 3, 7, 2, 2 }, [2, 2]);

        var output = model.forward(ids, ones_like(ids), labels);

        var start = output.StartLogits.log_softmax(-1);
        var end = output.EndLogits.log_softmax(-1);
        var expected = (-(start[0, 3].item<float>() + start[1, 2].item<float>()) / 2 - end[1, 2].item<float>()) / 2;
        Assert.Equal(expected, output.Loss!.item<float>(), precision: 5);
    }

    [Fact]
    public void The_same_seed_builds_the_same_weights()
    {
        manual_seed(11);
        using var first = new BertForQuestionAnswering(TinyBert.ForHeads());
        using var firstDistil = new DistilBertForQuestionAnswering(TinyDistilBert.ForHeads());
        manual_seed(11);
        using var second = new BertForQuestionAnswering(TinyBert.ForHeads());
        using var secondDistil = new DistilBertForQuestionAnswering(TinyDistilBert.ForHeads());

        HeadAssert.SameWeights(first, second);
        HeadAssert.SameWeights(firstDistil, secondDistil);
    }
}
