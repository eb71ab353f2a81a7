using ExperimentKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

/// <summary>
/// BertForMultipleChoice and DistilBertForMultipleChoice: one logit per choice, cross-entropy over choices, and the
/// masking of padding choices (a choice whose attention mask is all 0) that transformers does not do.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class MultipleChoiceHeadTests
{
    // Two questions of three choices, five tokens each. The first question has two choices; its middle one is padding.
    private static readonly long[] Ids =
    [
        2, 10, 11, 3, 0, /**/ 0, 0, 0, 0, 0, /**/ 2, 12, 13, 14, 3,
        2, 15, 3, 0, 0, /**/ 2, 16, 17, 3, 0, /**/ 2, 18, 19, 20, 3,
    ];

    private static readonly long[] Mask =
    [
        1, 1, 1, 1, 0, /**/ 0, 0, 0, 0, 0, /**/ 1, 1, 1, 1, 1,
        1, 1, 1, 0, 0, /**/ 1, 1, 1, 1, 0, /**/ 1, 1, 1, 1, 1,
    ];

    [Fact]
    public void Choices_are_scored_one_logit_each_and_the_config_names_the_architecture()
    {
        manual_seed(20);
        using var model = new BertForMultipleChoice(TinyBert.ForHeads());
        model.eval();
        using var scope = NewDisposeScope();

        var output = model.forward(tensor(Ids, [2, 3, 5]), tensor(Mask, [2, 3, 5]), zeros(2, 3, 5, dtype: ScalarType.Int64), null);

        Assert.Equal([2L, 3], output.Logits.shape);
        Assert.Null(output.Loss);
        Assert.Equal(["BertForMultipleChoice"], model.Config.Architectures.ToArray());
    }

    [Fact]
    public void Bert_padding_choice_never_wins_even_when_its_raw_logit_is_the_largest_and_loss_and_gradients_stay_finite()
    {
        manual_seed(21);
        using var model = new BertForMultipleChoice(TinyBert.ForHeads());
        model.eval();
        using var scope = NewDisposeScope();
        var pooled = BertPooledOutputs(model);

        AssertPaddingChoiceNeverWins(model, pooled, (ids, mask, labels) => model.forward(ids, mask, null, labels));
    }

    [Fact]
    public void DistilBert_padding_choice_never_wins_even_when_its_raw_logit_is_the_largest_and_loss_and_gradients_stay_finite()
    {
        manual_seed(22);
        using var model = new DistilBertForMultipleChoice(TinyDistilBert.ForHeads());
        model.eval();
        using var scope = NewDisposeScope();
        var pooled = DistilBertClassifierInputs(model);

        AssertPaddingChoiceNeverWins(model, pooled, (ids, mask, labels) => model.forward(ids, mask, labels));
    }

    [Fact]
    public void Bert_drops_the_pooled_output_with_classifier_dropout_else_hidden_dropout_prob()
    {
        manual_seed(23);
        var quiet = TinyBert.ForHeads() with { HiddenDropoutProb = 0, AttentionProbsDropoutProb = 0 };
        using var dropsAll = new BertForMultipleChoice(quiet with { ClassifierDropout = 1 });
        using var dropsNone = new BertForMultipleChoice(quiet);
        using var scope = NewDisposeScope();
        var ids = tensor(Ids, [2, 3, 5]);
        var mask = tensor(Mask, [2, 3, 5]);

        var dropped = dropsAll.forward(ids, mask, null, null).Logits;
        var kept = dropsNone.forward(ids, mask, null, null).Logits;
        dropsNone.eval();
        var evaluated = dropsNone.forward(ids, mask, null, null).Logits;

        // Pooled outputs all dropped: each real choice's logit is the classifier's bias, which _init_weights zeroes.
        Assert.Equal([0f, float.MinValue, 0f, 0f, 0f, 0f], dropped.data<float>().ToArray());
        Assert.True(TinyBert.SameBits(evaluated, kept), "hidden_dropout_prob 0 and no classifier_dropout: nothing dropped in training");
    }

    [Fact]
    public void DistilBert_applies_seq_classif_dropout_after_pre_classifier()
    {
        manual_seed(24);
        var config = TinyDistilBert.ForHeads() with { Dropout = 0, AttentionDropout = 0, SeqClassifDropout = 1 };
        using var model = new DistilBertForMultipleChoice(config);
        using var scope = NewDisposeScope();

        var logits = model.forward(tensor(Ids, [2, 3, 5]), tensor(Mask, [2, 3, 5]), null).Logits;

        // The first tokens' projections all dropped: each real choice's logit is the classifier's (zero) bias.
        Assert.Equal([0f, float.MinValue, 0f, 0f, 0f, 0f], logits.data<float>().ToArray());
    }

    [Fact]
    public void Inputs_without_a_choices_dimension_are_refused()
    {
        using var model = new BertForMultipleChoice(TinyBert.ForHeads());
        using var scope = NewDisposeScope();
        var ids = ones(2, 5, dtype: ScalarType.Int64);

        var error = Assert.Throws<ArgumentException>(() => model.forward(ids, ones_like(ids), null, null));

        Assert.Contains("[batch, num_choices, seq]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_builds_the_same_weights()
    {
        manual_seed(25);
        using var first = new BertForMultipleChoice(TinyBert.ForHeads());
        using var firstDistil = new DistilBertForMultipleChoice(TinyDistilBert.ForHeads());
        manual_seed(25);
        using var second = new BertForMultipleChoice(TinyBert.ForHeads());
        using var secondDistil = new DistilBertForMultipleChoice(TinyDistilBert.ForHeads());

        HeadAssert.SameWeights(first, second);
        HeadAssert.SameWeights(firstDistil, secondDistil);
    }

    /// <summary>
    /// Sets the classifier to score a choice by its input's dot product with the padding choice's input, so the padding
    /// choice's raw logit is the largest of its question (checked, not assumed); then the head must still rank it last,
    /// give transformers' loss over the real choices only, and leave finite gradients that reach the classifier.
    /// </summary>
    /// <param name="classifierInputs">[6, dim]: what the classifier reads for each choice, in order.</param>
    private static void AssertPaddingChoiceNeverWins(
        nn.Module model, Tensor classifierInputs, Func<Tensor, Tensor, Tensor, MultipleChoiceModelOutput> forward)
    {
        var state = model.state_dict();
        using (no_grad())
        {
            state["classifier.weight"].copy_(classifierInputs[1].unsqueeze(0));
            state["classifier.bias"].zero_();
        }

        var raw = matmul(classifierInputs, classifierInputs[1]).view(2, 3);
        Assert.True(raw[0, 1].item<float>() > raw[0].index_select(0, tensor(new long[] { 0, 2 })).max().item<float>(), "precondition: the padding choice's raw logit is its question's largest");
        var labels = tensor(new long[] { 2, 1 });

        var output = forward(tensor(Ids, [2, 3, 5]), tensor(Mask, [2, 3, 5]), labels);

        Assert.Equal(float.MinValue, output.Logits[0, 1].item<float>());
        Assert.NotEqual(1, output.Logits[0].argmax().item<long>());
        Assert.Equal(raw[0, 0].item<float>(), output.Logits[0, 0].item<float>(), precision: 4);
        Assert.Equal(raw[1, 1].item<float>(), output.Logits[1, 1].item<float>(), precision: 4);
        // Cross-entropy over the first question's two real choices and the second's three.
        var first = raw[0].index_select(0, tensor(new long[] { 0, 2 })).log_softmax(0)[1].item<float>();
        var second = raw[1].log_softmax(0)[1].item<float>();
        Assert.Equal(-(first + second) / 2, output.Loss!.item<float>(), precision: 4);

        output.Loss.backward();
        HeadAssert.FiniteGradients(model);
        Assert.True(state["classifier.weight"].grad!.abs().sum().item<float>() > 0);
    }

    /// <summary>BertForMultipleChoice's classifier inputs: the pooled output of each choice, from an encoder given the head's weights.</summary>
    private static Tensor BertPooledOutputs(BertForMultipleChoice model)
    {
        using var encoder = new BertModel(model.Config);
        encoder.eval();
        CopyEncoder(model, encoder, "bert.");
        using var noGrad = no_grad();
        return encoder.forward(tensor(Ids, [6, 5]), tensor(Mask, [6, 5]), null).PoolerOutput!;
    }

    /// <summary>DistilBertForMultipleChoice's classifier inputs: ReLU(pre_classifier(first token)) of each choice.</summary>
    private static Tensor DistilBertClassifierInputs(DistilBertForMultipleChoice model)
    {
        using var encoder = new DistilBertModel(model.Config);
        encoder.eval();
        CopyEncoder(model, encoder, "distilbert.");
        using var noGrad = no_grad();
        var state = model.state_dict();
        var first = encoder.forward(tensor(Ids, [6, 5]), tensor(Mask, [6, 5])).select(1, 0);
        return nn.functional.relu(nn.functional.linear(first, state["pre_classifier.weight"], state["pre_classifier.bias"]));
    }

    private static void CopyEncoder(nn.Module head, nn.Module encoder, string prefix)
    {
        var weights = head.state_dict();
        using var noGrad = no_grad();
        foreach (var (name, tensor) in encoder.state_dict())
        {
            tensor.copy_(weights[prefix + name]);
        }
    }
}
