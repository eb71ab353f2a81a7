using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

/// <summary>
/// BertForMaskedLM: the decoder tied to the word embeddings (one parameter, two names), transformers' masked-LM loss,
/// and checkpoints that hold the tied tensors once, as save_pretrained writes them.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class MaskedLMHeadTests
{
    private const string Embeddings = "bert.embeddings.word_embeddings.weight";
    private const string Decoder = "cls.predictions.decoder.weight";

    [Fact]
    public void The_decoder_weight_is_the_word_embedding_parameter_and_the_decoder_bias_is_the_prediction_bias()
    {
        using var model = new BertForMaskedLM(TinyBert.ForHeads());
        var state = model.state_dict();

        Assert.Same(state[Embeddings], state[Decoder]);
        Assert.Same(state["cls.predictions.bias"], state["cls.predictions.decoder.bias"]);
        Assert.Equal(model.named_parameters().Count(), model.parameters().Select(p => p.Handle).Distinct().Count());
        Assert.Equal(state.Count - 2, model.parameters().Count());
        Assert.Equal(["BertForMaskedLM"], model.Config.Architectures.ToArray());
    }

    [Fact]
    public void One_optimizer_step_moves_the_tied_weight_once_and_the_decoder_reads_what_the_embeddings_hold()
    {
        manual_seed(30);
        using var model = new BertForMaskedLM(TinyBert.ForHeads() with { HiddenDropoutProb = 0, AttentionProbsDropoutProb = 0 });
        using var scope = NewDisposeScope();
        var state = model.state_dict();
        var ids = tensor(new long[] { 2, 10, 4, 12, 3 }, [1, 5]);
        var labels = tensor(new long[] { -100, -100, 11, -100, -100 }, [1, 5]);
        var before = state[Embeddings].detach().clone();
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.5);

        model.forward(ids, ones_like(ids), null, labels).Loss!.backward();
        var grad = state[Embeddings].grad!.clone();
        optimizer.step();

        // Token 50 is not in the input: only the decoder gives its row a gradient, and the row moves by exactly one step.
        Assert.True(grad[50].abs().sum().item<float>() > 0);
        Assert.True(TinyBert.SameBits(before - (0.5 * grad), state[Embeddings]), "one SGD step of the shared gradient, not two");
        Assert.True(TinyBert.SameBits(state[Embeddings], state[Decoder]));

        // Zero one embedding row: that token's logit is then the prediction bias alone, so the decoder reads the same storage.
        using (no_grad())
        {
            state[Embeddings][50].zero_();
            state["cls.predictions.bias"][50].fill_(0.25f);
        }

        var logits = model.forward(ids, ones_like(ids), null, null).Logits;
        Assert.True(logits.select(2, 50).eq(0.25f).all().item<bool>());
    }

    [Fact]
    public void The_loss_is_cross_entropy_over_the_vocabulary_at_labelled_positions_only()
    {
        manual_seed(31);
        using var model = new BertForMaskedLM(TinyBert.ForHeads());
        model.eval();
        using var scope = NewDisposeScope();
        var ids = tensor(new long[] { 2, 4, 11, 4, 3, 2, 12, 4, 3, 0 }, [2, 5]);
        var labels = tensor(new long[] { -100, 20, -100, 30, -100, -100, -100, 40, -100, -100 }, [2, 5]);

        var output = model.forward(ids, tensor(new long[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 0 }, [2, 5]), null, labels);

        Assert.Equal([2L, 5, 99], output.Logits.shape);
        var scores = output.Logits.log_softmax(-1);
        var expected = -(scores[0, 1, 20].item<float>() + scores[0, 3, 30].item<float>() + scores[1, 2, 40].item<float>()) / 3;
        Assert.Equal(expected, output.Loss!.item<float>(), precision: 5);
    }

    [Fact]
    public void The_head_is_initialised_as_transformers_init_weights_and_the_same_seed_builds_the_same_weights()
    {
        manual_seed(32);
        using var model = new BertForMaskedLM(TinyBert.ForHeads());
        manual_seed(32);
        using var again = new BertForMaskedLM(TinyBert.ForHeads());

        AssertFreshHead(model.state_dict());
        HeadAssert.SameWeights(model, again);
    }

    [Fact]
    public void A_saved_model_holds_the_tied_tensors_once_and_loads_back_bit_for_bit()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("model.safetensors");
        manual_seed(33);
        using var saved = new BertForMaskedLM(TinyBert.ForHeads());
        using (no_grad())
        {
            // Trained weights, so a load that skipped the bias would show.
            saved.state_dict()["cls.predictions.bias"].normal_();
        }

        ModelCheckpoint.SaveSafetensors(saved, path);
        manual_seed(34);
        using var loaded = new BertForMaskedLM(TinyBert.ForHeads());
        var report = ModelCheckpoint.LoadSafetensors(loaded, path);

        using (var file = SafeTensorsFile.Open(path))
        {
            // save_pretrained's file: each tensor under the name named_parameters() gives it, no decoder keys.
            Assert.Equal(saved.named_parameters().Select(p => p.name).Order(StringComparer.Ordinal), file.Entries.Keys.Order(StringComparer.Ordinal));
        }

        Assert.True(report.IsExact, string.Join(", ", report.Missing.Concat(report.Unexpected)));
        HeadAssert.SameWeights(saved, loaded);
        Assert.Same(loaded.state_dict()[Embeddings], loaded.state_dict()[Decoder]);
        saved.eval();
        loaded.eval();
        using var scope = NewDisposeScope();
        var ids = tensor(new long[] { 2, 4, 11, 3 }, [1, 4]);
        Assert.True(TinyBert.SameBits(saved.forward(ids, ones_like(ids), null, null).Logits, loaded.forward(ids, ones_like(ids), null, null).Logits));
    }

    [Fact]
    public void A_checkpoint_that_also_names_the_tied_tensors_loads_exactly()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("model.safetensors");
        using var saved = new BertForMaskedLM(TinyBert.ForHeads());
        // Older transformers checkpoints (bert-base-uncased's pytorch_model.bin) carry cls.predictions.decoder.weight too.
        SafeTensorsFile.Save(path, saved.state_dict().Select(kv => (kv.Key, kv.Value)));
        using var loaded = new BertForMaskedLM(TinyBert.ForHeads());

        var report = ModelCheckpoint.LoadSafetensors(loaded, path);

        Assert.True(report.IsExact, string.Join(", ", report.Missing.Concat(report.Unexpected)));
        HeadAssert.SameWeights(saved, loaded);
    }

    [Fact]
    public void An_encoder_checkpoint_leaves_the_head_newly_initialised_and_reported_and_the_decoder_tied_to_the_loaded_embeddings()
    {
        using var folder = new TemporaryFolder();
        var config = TinyBert.ForHeads();
        manual_seed(35);
        using var encoder = new BertModel(config);
        ModelCheckpoint.SaveSafetensors(encoder, folder.File("model.safetensors"));
        config.Save(folder.File("config.json"));
        manual_seed(36);
        using var model = new BertForMaskedLM(config);
        var console = new RecordingConsole();

        var report = new ModelSource<BertConfig>(config, new PretrainedFolder(folder.Path)).LoadWeights(model, new ConsoleReporter(console.Console))!;

        // The decoder weight is not missing: it is the word embeddings, which the checkpoint has. The bias has no tie
        // in the file, so both its names are reported, as transformers reports them.
        Assert.Equal(
            [
                "cls.predictions.bias",
                "cls.predictions.decoder.bias",
                "cls.predictions.transform.LayerNorm.bias",
                "cls.predictions.transform.LayerNorm.weight",
                "cls.predictions.transform.dense.bias",
                "cls.predictions.transform.dense.weight",
            ],
            report.Missing.Order(StringComparer.Ordinal));
        Assert.Equal(["pooler.dense.bias", "pooler.dense.weight"], report.Unexpected);
        Assert.Contains("newly initialized: [", console.Text, StringComparison.Ordinal);
        var state = model.state_dict();
        Assert.True(TinyBert.SameBits(encoder.state_dict()["embeddings.word_embeddings.weight"], state[Decoder]));
        AssertFreshHead(state);
    }

    /// <summary>HF <c>_init_weights</c> on the head: Linear normal(0, initializer_range) and zero bias, LayerNorm 1 and 0, the prediction bias 0.</summary>
    private static void AssertFreshHead(Dictionary<string, Tensor> state)
    {
        Assert.InRange(state["cls.predictions.transform.dense.weight"].std().item<float>(), 0.017, 0.023);
        Assert.InRange(state["cls.predictions.transform.dense.weight"].mean().item<float>(), -0.003, 0.003);
        Assert.True(state["cls.predictions.transform.dense.bias"].eq(0).all().item<bool>());
        Assert.True(state["cls.predictions.transform.LayerNorm.weight"].eq(1).all().item<bool>());
        Assert.True(state["cls.predictions.transform.LayerNorm.bias"].eq(0).all().item<bool>());
        Assert.True(state["cls.predictions.bias"].eq(0).all().item<bool>());
        Assert.True(state[Decoder][0].eq(0).all().item<bool>(), "the decoder's row of the padding token is the embeddings' zeroed row");
    }
}
