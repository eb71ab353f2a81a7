using ExperimentKit.Schema.Model;
using System.Text.Json.Nodes;
using ExperimentKit.Metrics;

namespace ExperimentKit.Tests.Metrics;

public sealed class SeqevalTests
{
    [Fact]
    public void The_readme_example_gives_evaluates_result()
    {
        // True: MISC (0, 3..5), PER (1, 0..1). Predicted: MISC (0, 2..5), PER (1, 0..1). Only PER matches:
        // MISC p 0/1 r 0/1, PER p 1/1 r 1/1; overall p 1/2 r 1/2 f1 0.5. Tokens: sentence one differs at
        // position 2 (O vs B-MISC) and 3 (B-MISC vs I-MISC), so 8 of 10 agree.
        string[][] references = [["O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O"], ["B-PER", "I-PER", "O"]];
        string[][] predictions = [["O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O"], ["B-PER", "I-PER", "O"]];

        var result = Seqeval.Compute(predictions, references);

        Assert.Equal(["MISC", "PER", "overall_precision", "overall_recall", "overall_f1", "overall_accuracy"], result.Select(p => p.Key));
        AssertType(result, "MISC", 0, 0, 0, 1);
        AssertType(result, "PER", 1, 1, 1, 1);
        AssertOverall(result, 0.5, 0.5, 0.5, 0.8);
    }

    [Fact]
    public void Entities_are_chunks_with_inclusive_ends()
    {
        // seqeval's get_entities docstring.
        Assert.Equal([new("PER", 0, 1), new Entity("LOC", 3, 3)], Seqeval.GetEntities(["B-PER", "I-PER", "O", "B-LOC"]));
    }

    [Fact]
    public void Default_mode_reads_iob1_where_i_opens_an_entity()
    {
        // I-PER after the start opens PER 0..1; I-LOC after O opens LOC 3..3; B-LOC after I-LOC closes it and opens LOC 4..4.
        Assert.Equal([new("PER", 0, 1), new("LOC", 3, 3), new Entity("LOC", 4, 4)], Seqeval.GetEntities(["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]));

        // Predicted PER 0..1 matches; the true LOC 3..3 is missed: PER 1/1/1, LOC p 0 (nothing predicted) r 0/1.
        // Overall p 1/1, r 1/2, f1 2*1*0.5/1.5 = 2/3; tokens 3 of 4.
        var result = Seqeval.Compute([["I-PER", "I-PER", "O", "O"]], [["I-PER", "I-PER", "O", "I-LOC"]]);
        AssertType(result, "LOC", 0, 0, 0, 1);
        AssertType(result, "PER", 1, 1, 1, 1);
        AssertOverall(result, 1, 0.5, 2.0 / 3, 0.75);
    }

    [Fact]
    public void Default_mode_reads_iobes()
    {
        // S- is a one-token entity, B- I- E- one entity, and a new S- right after E- starts afresh.
        Assert.Equal(
            [new("PER", 0, 0), new("LOC", 1, 3), new("MISC", 5, 5), new Entity("MISC", 6, 6)],
            Seqeval.GetEntities(["S-PER", "B-LOC", "I-LOC", "E-LOC", "O", "S-MISC", "S-MISC"]));
    }

    [Fact]
    public void Strict_mode_needs_the_schemes_exact_entities()
    {
        // seqeval's README: y_true [B-NP, I-NP, O], y_pred [I-NP, I-NP, O]. The default mode accepts I-NP as an
        // entity start (f1 1); strict IOB2 only B- starts one, so nothing is predicted (p 0, r 0/1, f1 0).
        string[][] references = [["B-NP", "I-NP", "O"]];
        string[][] predictions = [["I-NP", "I-NP", "O"]];

        AssertType(Seqeval.Compute(predictions, references), "NP", 1, 1, 1, 1);
        var strict = Seqeval.Compute(predictions, references, strict: true, TagScheme.Iob2);
        AssertType(strict, "NP", 0, 0, 0, 1);
        AssertOverall(strict, 0, 0, 0, 2.0 / 3);
    }

    [Fact]
    public void Strict_iobes_drops_an_entity_without_its_end()
    {
        // True: B-PER E-PER (PER 0..1) and S-LOC (LOC 3). Predicted B-PER I-PER never ends, so it is no entity; S-LOC matches.
        // PER p 0 (none predicted) r 0/1; LOC 1/1/1; overall p 1/1, r 1/2, f1 2/3; tokens 3 of 4.
        var result = Seqeval.Compute([["B-PER", "I-PER", "O", "S-LOC"]], [["B-PER", "E-PER", "O", "S-LOC"]], strict: true, TagScheme.Iobes);
        AssertType(result, "LOC", 1, 1, 1, 1);
        AssertType(result, "PER", 0, 0, 0, 1);
        AssertOverall(result, 1, 0.5, 2.0 / 3, 0.75);
    }

    [Fact]
    public void Strict_iob1_splits_same_type_neighbours_at_b()
    {
        // IOB1: I-PER opens PER 0, B-PER opens a second PER 1; predicting one PER 0..1 matches neither.
        // PER p 0/1, r 0/2; tokens 2 of 3 (position 1 differs).
        var result = Seqeval.Compute([["I-PER", "I-PER", "O"]], [["I-PER", "B-PER", "O"]], strict: true, TagScheme.Iob1);
        AssertType(result, "PER", 0, 0, 0, 2);
        AssertOverall(result, 0, 0, 0, 2.0 / 3);
    }

    [Fact]
    public void Strict_mode_refuses_a_prefix_the_scheme_lacks()
    {
        var error = Assert.Throws<ArgumentException>(() => Seqeval.Compute([["S-PER"]], [["B-PER"]], strict: true, TagScheme.Iob2));
        Assert.Contains("'S-PER'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_only_predicted_appear_with_number_zero()
    {
        // PER matches; the predicted LOC has no true entity: p 0/1, r 0/0 -> 0. Overall p 1/2, r 1/1, f1 2/3; tokens 1 of 2.
        var result = Seqeval.Compute([["B-PER", "B-LOC"]], [["B-PER", "O"]]);
        AssertType(result, "LOC", 0, 0, 0, 0);
        AssertType(result, "PER", 1, 1, 1, 1);
        AssertOverall(result, 0.5, 1, 2.0 / 3, 0.5);
    }

    [Fact]
    public void Entities_end_at_the_end_of_their_sentence()
    {
        // I-PER at the end of sentence 0 and at the start of sentence 1 are two entities, not one.
        var result = Seqeval.Compute([["B-PER"], ["B-PER"]], [["I-PER"], ["I-PER"]]);
        AssertType(result, "PER", 1, 1, 1, 2);
    }

    [Fact]
    public void Types_are_in_ordinal_order()
    {
        var result = Seqeval.Compute([["B-per", "B-PER", "B-LOC"]], [["B-per", "B-PER", "B-LOC"]]);
        Assert.Equal(["LOC", "PER", "per"], result.Select(p => p.Key).Take(3));
    }

    [Fact]
    public void Empty_inputs_give_zeros()
    {
        Assert.Equal("""{"overall_precision":0,"overall_recall":0,"overall_f1":0,"overall_accuracy":0}""", Seqeval.Compute([], []).ToJsonString());
        Assert.Equal(0.0, (double)Seqeval.Compute([[]], [[]])["overall_accuracy"]!);
    }

    [Fact]
    public void Sentences_of_different_lengths_are_refused_by_index()
    {
        var error = Assert.Throws<ArgumentException>(() => Seqeval.Compute([["O"], ["O", "O"]], [["O"], ["O"]]));
        Assert.Contains("Sentence 1 has 2 predicted tags for 1 reference tags", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_sentence_counts_are_refused_with_both_counts()
    {
        var error = Assert.Throws<ArgumentException>(() => Seqeval.Compute([["O"]], [["O"], ["O"]]));
        Assert.Contains("1 predictions for 2 references", error.Message, StringComparison.Ordinal);
    }

    private static void AssertType(JsonObject result, string type, double precision, double recall, double f1, int number)
    {
        var scores = result[type]!.AsObject();
        Assert.Equal(precision, (double)scores["precision"]!, precision: 12);
        Assert.Equal(recall, (double)scores["recall"]!, precision: 12);
        Assert.Equal(f1, (double)scores["f1"]!, precision: 12);
        Assert.Equal(number, (int)scores["number"]!);
    }

    private static void AssertOverall(JsonObject result, double precision, double recall, double f1, double accuracy)
    {
        Assert.Equal(precision, (double)result["overall_precision"]!, precision: 12);
        Assert.Equal(recall, (double)result["overall_recall"]!, precision: 12);
        Assert.Equal(f1, (double)result["overall_f1"]!, precision: 12);
        Assert.Equal(accuracy, (double)result["overall_accuracy"]!, precision: 12);
    }
}
