using ExperimentKit.Generators.Tests.Infrastructure;

namespace ExperimentKit.Generators.Tests;

/// <summary>
/// The heads beyond single-label classification, each looked up in the generator's one table: token classification
/// (a label enum of IOB tags, the token head and its output), regression (one output, no label enum), and the heads
/// whose outputs the head fixes (question answering, multiple choice, masked LM: no num_labels, no label enum).
/// </summary>
public class TaskGoldenTests
{
    private static readonly string ConllYaml = TestPaths.ReadText("Fixtures/experiments/conll2003-ner.yaml");
    private static readonly string StsBYaml = TestPaths.ReadText("Fixtures/experiments/sts-b.yaml");

    [Fact]
    public void Token_classification_generated_source_matches_golden_file()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.File("experiments/conll2003-ner.yaml", ConllYaml));

        Assert.Empty(result.Diagnostics);
        Golden.Match(result.GeneratedSources.Single().SourceText.ToString(), "Snapshots/Conll2003NerExperiment.g.cs");
    }

    [Theory]
    [InlineData("squad.yaml", "Snapshots/SquadExperiment.g.cs")]
    [InlineData("arc-easy.yaml", "Snapshots/ArcEasyExperiment.g.cs")]
    [InlineData("mlm-domain.yaml", "Snapshots/MlmDomainExperiment.g.cs")]
    [InlineData("commonsense-qa.yaml", "Snapshots/CommonsenseQaExperiment.g.cs")]
    public void Heads_with_fixed_outputs_generated_source_matches_golden_file(string file, string golden)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.File("experiments/" + file, TestPaths.ReadText("Fixtures/experiments/" + file)));

        Assert.Empty(result.Diagnostics);
        Golden.Match(result.GeneratedSources.Single().SourceText.ToString(), golden);
    }

    [Theory]
    [InlineData("squad.yaml", "bert", "BertForQuestionAnswering", "QuestionAnsweringModelOutput", "QuestionAnsweringTask")]
    [InlineData("squad.yaml", "distilbert", "DistilBertForQuestionAnswering", "QuestionAnsweringModelOutput", "QuestionAnsweringTask")]
    [InlineData("arc-easy.yaml", "bert", "BertForMultipleChoice", "MultipleChoiceModelOutput", "MultipleChoiceTask")]
    [InlineData("arc-easy.yaml", "distilbert", "DistilBertForMultipleChoice", "MultipleChoiceModelOutput", "MultipleChoiceTask")]
    [InlineData("mlm-domain.yaml", "bert", "BertForMaskedLM", "MaskedLMOutput", "MaskedLanguageModelingTask")]
    public void Heads_with_fixed_outputs_compile_against_the_runtime_contract_without_num_labels(string file, string modelType, string head, string output, string task)
    {
        var yaml = TestPaths.ReadText("Fixtures/experiments/" + file).Replace(
            "  pretrained_model_name_or_path: sentence-transformers/all-MiniLM-L6-v2",
            modelType == "bert" ? "  hidden_size: 32\n  num_attention_heads: 2" : "  model_type: distilbert\n  dim: 32\n  n_heads: 2",
            StringComparison.Ordinal);
        var compiled = GeneratorHarness.CompileAgainstContract(GeneratorHarness.File("experiments/" + file, yaml));
        var generated = compiled.SyntaxTrees.Last().ToString();

        Assert.Empty(GeneratorHarness.Problems(compiled));
        Assert.Contains($"Model : {head}", generated, StringComparison.Ordinal);
        Assert.Contains($"public {output} Forward(", generated, StringComparison.Ordinal);
        Assert.Contains(": base(config)", generated, StringComparison.Ordinal);
        Assert.Contains($"new {task}(spec)", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("enum", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_generated_source_matches_golden_file()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.File("experiments/sts-b.yaml", StsBYaml));

        Assert.Empty(result.Diagnostics);
        Golden.Match(result.GeneratedSources.Single().SourceText.ToString(), "Snapshots/StsBExperiment.g.cs");
    }

    [Theory]
    [InlineData("bert", "BertForTokenClassification", "forward(batch.InputIds, batch.AttentionMask, batch.TokenTypeIds, batch.Labels)")]
    [InlineData("distilbert", "DistilBertForTokenClassification", "forward(batch.InputIds, batch.AttentionMask, batch.Labels)")]
    public void Token_classification_compiles_against_the_runtime_contract_for_each_model_type(string modelType, string head, string forward)
    {
        var yaml = ConllYaml.Replace(
            "  pretrained_model_name_or_path: sentence-transformers/all-MiniLM-L6-v2",
            modelType == "bert" ? "  hidden_size: 32\n  num_attention_heads: 2" : "  model_type: distilbert\n  dim: 32\n  n_heads: 2",
            StringComparison.Ordinal);
        var output = GeneratorHarness.CompileAgainstContract(GeneratorHarness.File("experiments/conll2003-ner.yaml", yaml));
        var generated = output.SyntaxTrees.Last().ToString();

        Assert.Empty(GeneratorHarness.Problems(output));
        Assert.Contains($"public sealed class Conll2003NerModel : {head}", generated, StringComparison.Ordinal);
        Assert.Contains("public TokenClassifierOutput Forward(Conll2003NerBatch batch)", generated, StringComparison.Ordinal);
        Assert.Contains(forward, generated, StringComparison.Ordinal);
        Assert.Contains(": base(config, numLabels: 9)", generated, StringComparison.Ordinal);
        Assert.Contains("BPER = 1,", generated, StringComparison.Ordinal);
        Assert.Contains("new TokenClassificationTask(spec)", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_has_one_output_and_no_label_enum()
    {
        var output = GeneratorHarness.CompileAgainstContract(GeneratorHarness.File("experiments/sts-b.yaml", StsBYaml));
        var generated = output.SyntaxTrees.Last().ToString();

        Assert.Empty(GeneratorHarness.Problems(output));
        Assert.DoesNotContain("enum", generated, StringComparison.Ordinal);
        Assert.Contains(": base(config, numLabels: 1)", generated, StringComparison.Ordinal);
        Assert.Contains("ProblemType = ProblemType.Regression,", generated, StringComparison.Ordinal);
    }
}
