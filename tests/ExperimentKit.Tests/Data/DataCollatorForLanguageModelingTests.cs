using ExperimentKit.Data;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tests.Tokenization;

namespace ExperimentKit.Tests.Data;

/// <summary>
/// Masked-LM masking on a made-up vocabulary of 1,000 ids: 0 [PAD], 100 [UNK], 101 [CLS], 102 [SEP], 103 [MASK], and
/// 500 to 999 "##" pieces. Rates are checked over many tokens against the binomial: within 4 standard deviations, and
/// the masking is seeded, so a check that passes passes every time.
/// </summary>
public sealed class DataCollatorForLanguageModelingTests
{
    private const int Pad = 0;
    private const int Unknown = 100;
    private const int Classifier = 101;
    private const int Separator = 102;
    private const int Mask = 103;
    private const int VocabularySize = 1000;
    private const int FirstContinuation = 500;
    private const double Probability = 0.15;

    private static readonly MaskingVocabulary Vocabulary = new(
        Mask, [Pad, Unknown, Classifier, Separator, Mask], [.. Enumerable.Range(0, VocabularySize).Select(id => id >= FirstContinuation)]);

    [Fact]
    public void About_mlm_probability_of_the_tokens_that_are_neither_special_nor_padding_are_chosen()
    {
        var (eligible, chosen) = (0, 0);
        foreach (var (examples, batch) in TrainingBatches(Collator()))
        {
            eligible += examples.Sum(e => e.InputIds.Count(id => !IsSpecial(id)));
            chosen += Labels(batch).Count(label => label != -100);
        }

        AssertBinomial(chosen, eligible, Probability);
    }

    [Fact]
    public void Chosen_tokens_become_MASK_80_percent_of_the_time_a_random_id_10_and_stay_10()
    {
        var (chosen, masked, unchanged) = (0, 0, 0);
        foreach (var (_, batch) in TrainingBatches(Collator()))
        {
            var (ids, labels) = (Ids(batch), Labels(batch));
            for (var i = 0; i < ids.Length; i++)
            {
                if (labels[i] != -100)
                {
                    chosen++;
                    masked += ids[i] == Mask ? 1 : 0;
                    unchanged += ids[i] == labels[i] ? 1 : 0;
                }
            }
        }

        // A random id is [MASK] or the original 1 time in 1,000: far inside the tolerance.
        AssertBinomial(masked, chosen, 0.8);
        AssertBinomial(unchanged, chosen, 0.1);
        AssertBinomial(chosen - masked - unchanged, chosen, 0.1);
    }

    [Fact]
    public void Random_replacements_are_drawn_uniformly_from_the_whole_vocabulary()
    {
        var replacements = new List<long>();
        foreach (var (_, batch) in TrainingBatches(Collator()))
        {
            var (ids, labels) = (Ids(batch), Labels(batch));
            replacements.AddRange(Enumerable.Range(0, ids.Length).Where(i => labels[i] != -100 && ids[i] != Mask && ids[i] != labels[i]).Select(i => ids[i]));
        }

        // Uniform over [0, 1000): mean 499.5, standard deviation of the mean 1000 / sqrt(12 n); the special and "##"
        // ids (below 104, above 499) are drawn too, as torch.randint(len(tokenizer)) draws them.
        Assert.InRange(replacements.Average(), 499.5 - (4 * VocabularySize / Math.Sqrt(12.0 * replacements.Count)), 499.5 + (4 * VocabularySize / Math.Sqrt(12.0 * replacements.Count)));
        Assert.Contains(replacements, id => id < Mask);
        Assert.Contains(replacements, id => id >= FirstContinuation);
    }

    [Fact]
    public void Special_tokens_and_padding_are_never_chosen_and_stay_as_they_were()
    {
        foreach (var (examples, batch) in TrainingBatches(Collator()))
        {
            var (ids, labels, length) = (Ids(batch), Labels(batch), (int)batch.InputIds.shape[1]);
            for (var row = 0; row < examples.Length; row++)
            {
                var tokens = examples[row].InputIds;
                for (var i = 0; i < length; i++)
                {
                    if (i >= tokens.Length || IsSpecial(tokens[i]))
                    {
                        Assert.Equal(-100, labels[(row * length) + i]);
                        Assert.Equal(i < tokens.Length ? tokens[i] : Pad, ids[(row * length) + i]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Labels_hold_the_original_id_where_a_token_is_chosen_and_minus_100_where_it_is_not_and_left_unchanged()
    {
        var (examples, batch) = TrainingBatches(Collator()).First();
        var (ids, labels, length) = (Ids(batch), Labels(batch), (int)batch.InputIds.shape[1]);
        for (var row = 0; row < examples.Length; row++)
        {
            var tokens = examples[row].InputIds;
            for (var i = 0; i < tokens.Length; i++)
            {
                var at = (row * length) + i;
                Assert.True(labels[at] == -100 ? ids[at] == tokens[i] : labels[at] == tokens[i], $"row {row}, position {i}");
            }
        }
    }

    [Fact]
    public void Attention_mask_and_token_types_are_DataCollatorWithPadding_s()
    {
        var spec = new CollatorSpec { PadToMultipleOf = 8 };
        var examples = Examples(new Random(5), 4);
        var masked = Collator(spec).Collate(examples, new BatchPosition(0, 0));
        var padded = new DataCollatorWithPadding(spec, Pad, 512, LabelCollations.PerToken).Collate(examples);

        Assert.Equal(padded.InputIds.shape, masked.InputIds.shape);
        Assert.Equal(padded.AttentionMask.data<long>().ToArray(), masked.AttentionMask.data<long>().ToArray());
        Assert.Equal(padded.TokenTypeIds!.data<long>().ToArray(), masked.TokenTypeIds!.data<long>().ToArray());
        Assert.Null(Collator(new CollatorSpec { ReturnTokenTypeIds = false }).Collate(examples, new BatchPosition(0, 0)).TokenTypeIds);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_same_batch_at_the_same_position_is_masked_the_same_by_any_collator_of_the_same_seed(bool wholeWords)
    {
        var examples = Examples(new Random(1), 16);
        var position = new BatchPosition(Pass: 2, Index: 7);

        var first = Collator(wholeWordMask: wholeWords).Collate(examples, position);
        var again = Collator(wholeWordMask: wholeWords).Collate(examples, position);

        Assert.Equal(Ids(first), Ids(again));
        Assert.Equal(Labels(first), Labels(again));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Another_epoch_another_batch_index_or_another_seed_masks_differently(bool wholeWords)
    {
        var examples = Examples(new Random(1), 16);
        var collator = Collator(wholeWordMask: wholeWords);
        var labels = Labels(collator.Collate(examples, new BatchPosition(0, 3)));

        Assert.NotEqual(labels, Labels(collator.Collate(examples, new BatchPosition(1, 3))));
        Assert.NotEqual(labels, Labels(collator.Collate(examples, new BatchPosition(0, 4))));
        Assert.NotEqual(labels, Labels(Collator(wholeWordMask: wholeWords, seed: 43).Collate(examples, new BatchPosition(0, 3))));
    }

    [Fact]
    public void Every_evaluation_masks_its_batches_alike()
    {
        var examples = Examples(new Random(2), 16);
        var collator = Collator();

        var first = collator.Collate(examples, BatchPosition.Evaluation(0));
        _ = collator.Collate(examples, new BatchPosition(0, 0));
        var second = collator.Collate(examples, BatchPosition.Evaluation(0));

        Assert.Equal(Ids(first), Ids(second));
        Assert.Equal(Labels(first), Labels(second));
        Assert.NotEqual(Labels(first), Labels(collator.Collate(examples, BatchPosition.Evaluation(1))));
    }

    [Fact]
    public void Whole_word_masking_chooses_every_piece_of_a_word_or_none()
    {
        var words = 0;
        foreach (var (examples, batch) in TrainingBatches(Collator(wholeWordMask: true)))
        {
            var (labels, length) = (Labels(batch), (int)batch.InputIds.shape[1]);
            for (var row = 0; row < examples.Length; row++)
            {
                foreach (var word in Words(examples[row].InputIds))
                {
                    var chosen = word.Select(i => labels[(row * length) + i] != -100).Distinct().ToArray();
                    Assert.Single(chosen);
                    words += word.Count > 1 && chosen[0] ? 1 : 0;
                }
            }
        }

        Assert.True(words > 100, $"only {words} words of several pieces were chosen");
    }

    [Fact]
    public void Whole_word_masking_chooses_Hugging_Face_s_number_of_tokens()
    {
        foreach (var (examples, batch) in TrainingBatches(Collator(wholeWordMask: true)))
        {
            var (labels, length) = (Labels(batch), (int)batch.InputIds.shape[1]);
            for (var row = 0; row < examples.Length; row++)
            {
                // Every example has more one-piece words than the count, so greedy filling reaches it exactly.
                var count = Math.Max(1, (int)Math.Round(examples[row].Length * Probability, MidpointRounding.ToEven));
                Assert.Equal(count, labels.AsSpan(row * length, length).ToArray().Count(label => label != -100));
            }
        }
    }

    [Fact]
    public void Whole_word_masking_replaces_80_percent_of_the_chosen_tokens_with_MASK()
    {
        var (chosen, masked) = (0, 0);
        foreach (var (_, batch) in TrainingBatches(Collator(wholeWordMask: true)))
        {
            var (ids, labels) = (Ids(batch), Labels(batch));
            chosen += labels.Count(label => label != -100);
            masked += Enumerable.Range(0, ids.Length).Count(i => labels[i] != -100 && ids[i] == Mask);
        }

        AssertBinomial(masked, chosen, 0.8);
    }

    [Theory]
    [InlineData(2, 1)] // max(1, round(0.3))
    [InlineData(10, 2)] // round(1.5): half to even
    [InlineData(20, 3)] // 3.0000000000000004
    [InlineData(30, 4)] // round(4.5): half to even, as Python, not 5
    [InlineData(128, 19)]
    [InlineData(4000, 512)] // max_predictions
    public void The_whole_word_count_is_Hugging_Face_s_num_to_predict(int length, int expected)
    {
        Assert.Equal(expected, WholeWordMask.Count(length, Probability));
    }

    [Fact]
    public void A_BERT_vocabulary_masks_with_its_MASK_keeps_its_five_special_tokens_and_knows_its_pieces()
    {
        var vocabulary = Bert.Tokenizer.Vocabulary;
        var masking = MaskingVocabulary.From(vocabulary);

        Assert.Equal(vocabulary.Count, masking.Size);
        Assert.Equal(vocabulary.MaskId, masking.MaskId);
        Assert.Equal(
            [vocabulary.PadId, vocabulary.UnknownId, vocabulary.ClassifierId, vocabulary.SeparatorId, vocabulary.MaskId],
            Enumerable.Range(0, masking.Size).Where(masking.IsSpecial));
        Assert.True(masking.IsContinuation(vocabulary.GetId("##ing")));
        Assert.False(masking.IsContinuation(vocabulary.GetId("sing")));
    }

    [Fact]
    public void The_collator_of_an_experiment_masks_with_the_run_s_seed()
    {
        var spec = TestSpecs.Experiment(new SequenceClassificationTaskSpec(), new DatasetSpec()) with { Training = new TrainingSpec { Seed = 7 } };
        var words = Bert.Tokenizer.EncodeIds(string.Join(' ', Enumerable.Repeat("the quick brown fox jumps over the lazy dog", 10)));
        EncodedExample[] examples = [new(words.InputIds, words.TokenTypeIds, [])];
        var masking = MaskingVocabulary.From(Bert.Tokenizer.Vocabulary);

        var labels = Labels(DataCollatorForLanguageModeling.For(spec, Bert.Tokenizer, Probability, wholeWordMask: false).Collate(examples, default));

        Assert.Equal(labels, Labels(new DataCollatorForLanguageModeling(new CollatorSpec(), 0, 512, masking, Probability, false, seed: 7).Collate(examples, default)));
        Assert.NotEqual(labels, Labels(new DataCollatorForLanguageModeling(new CollatorSpec(), 0, 512, masking, Probability, false, seed: 8).Collate(examples, default)));
    }

    private static DataCollatorForLanguageModeling Collator(CollatorSpec? spec = null, bool wholeWordMask = false, int seed = 42) =>
        new(spec ?? new CollatorSpec(), Pad, maxLength: 512, Vocabulary, Probability, wholeWordMask, seed);

    /// <summary>Twenty batches of 32 examples of 64 to 128 tokens (about 60,000 tokens that can be chosen).</summary>
    private static IEnumerable<(EncodedExample[] Examples, CollatedBatch Batch)> TrainingBatches(DataCollatorForLanguageModeling collator)
    {
        var random = new Random(0);
        for (var index = 0; index < 20; index++)
        {
            var examples = Examples(random, 32);
            yield return (examples, collator.Collate(examples, new BatchPosition(0, index)));
        }
    }

    /// <summary>
    /// [CLS] words [SEP] words [SEP] with now and then an [UNK] or a [MASK] among the words; a word is a head id
    /// (104 to 499) and, one time in four, one to three "##" pieces.
    /// </summary>
    private static EncodedExample[] Examples(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ =>
    {
        var length = random.Next(64, 129);
        var split = random.Next(8, length - 8);
        var ids = new List<int> { Classifier };
        while (ids.Count < length - 1)
        {
            if (ids.Count == split)
            {
                ids.Add(Separator);
                continue;
            }

            var head = random.Next(50) switch
            {
                0 => Unknown,
                1 => Mask,
                _ => random.Next(Mask + 1, FirstContinuation),
            };
            ids.Add(head);
            for (var pieces = head > Mask && random.Next(4) == 0 ? random.Next(1, 4) : 0; pieces > 0 && ids.Count < length - 1 && ids.Count != split; pieces--)
            {
                ids.Add(random.Next(FirstContinuation, VocabularySize));
            }
        }

        ids.Add(Separator);
        var types = ids.Select((_, i) => i <= split ? 0 : 1).ToArray();
        return new EncodedExample([.. ids], types, []);
    })];

    /// <summary>The positions of each word: an ordinary head and the "##" pieces after it.</summary>
    private static List<List<int>> Words(int[] ids)
    {
        var words = new List<List<int>>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (IsSpecial(ids[i]))
            {
                continue;
            }

            if (ids[i] >= FirstContinuation && words.Count > 0)
            {
                words[^1].Add(i);
            }
            else
            {
                words.Add([i]);
            }
        }

        return words;
    }

    private static bool IsSpecial(int id) => id is Pad or Unknown or Classifier or Separator or Mask;

    private static long[] Ids(CollatedBatch batch) => batch.InputIds.data<long>().ToArray();

    private static long[] Labels(CollatedBatch batch) => batch.Labels.data<long>().ToArray();

    private static void AssertBinomial(int successes, int trials, double p)
    {
        var tolerance = 4 * Math.Sqrt(trials * p * (1 - p));
        Assert.InRange(successes, (trials * p) - tolerance, (trials * p) + tolerance);
    }
}
