using ExperimentKit.Data;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tasks;
using ExperimentKit.Tests.Tokenization;

namespace ExperimentKit.Tests.Data;

/// <summary>The tokenized-split cache: hits when nothing changed, misses when anything it depends on did, survives damage.</summary>
public sealed class TokenizationCacheTests : IDisposable
{
    private static readonly DatasetSpec Dataset = new()
    {
        Path = "tiny",
        TextA = "sentence",
        TextB = null,
        Label = "label",
        LabelNames = new EquatableArray<string>(["negative", "positive"]),
    };

    private readonly TemporaryFolder _data = new();
    private readonly TemporaryFolder _cache = new();
    private readonly List<string> _log = [];

    public TokenizationCacheTests()
    {
        Directory.CreateDirectory(_data.File("tiny"));
        WriteTrainFile("a gripping, funny film\t1", "clichés all the way down\t0", "[SEP] stays whole\t1");
    }

    [Fact]
    public void The_second_load_is_a_cache_hit_with_identical_examples()
    {
        var first = Load();
        var second = Load();

        Assert.StartsWith("Tokenized train split: 3 examples in ", _log[0], StringComparison.Ordinal);
        Assert.Contains("(cache miss, saved ", _log[0], StringComparison.Ordinal);
        Assert.StartsWith("Tokenized train split: 3 examples (cache hit ", _log[1], StringComparison.Ordinal);
        AssertSameExamples(first, second);
        AssertSameExamples(TextClassificationEncoder.Encode(TextClassificationReader.Read(Dataset, ProblemType.SingleLabelClassification, DatasetSplit.Train, Root), Bert.Tokenizer, new TokenizerSpec()), second);
    }

    [Fact]
    public void Choices_windows_and_offsets_survive_the_cache()
    {
        EncodedExample[] examples =
        [
            new([101, 7, 102, 101, 8, 9, 102], [0, 0, 0, 0, 0, 1, 1], [1]) { ChoiceLengths = [3, 4] },
            new([101, 5, 102, 6, 102], [0, 0, 0, 1, 1], [3, 3]) { SourceIndex = 4, Offsets = [-1, -1, -1, -1, -1, -1, 0, 5, -1, -1] },
            new([101, 102], [0, 0], []),
        ];
        var path = _cache.File("examples.bin");

        Assert.True(TokenizationCache.Save(path, examples, _log.Add));
        var loaded = TokenizationCache.TryLoad(path, _log.Add)!;

        AssertSameExamples(examples, loaded);
        Assert.Equal([3, 4], loaded[0].ChoiceLengths!);
        Assert.Equal((-1, null), (loaded[0].SourceIndex, loaded[0].Offsets));
        Assert.Equal(4, loaded[1].SourceIndex);
        Assert.Equal([-1, -1, -1, -1, -1, -1, 0, 5, -1, -1], loaded[1].Offsets!);
        Assert.Null(loaded[2].ChoiceLengths);
    }

    [Fact]
    public void A_changed_max_length_misses()
    {
        Load();
        var truncated = Load(new TokenizerSpec { MaxLength = 4 });

        Assert.All(_log, line => Assert.Contains("cache miss", line, StringComparison.Ordinal));
        Assert.All(truncated, example => Assert.Equal(4, example.Length));
        Assert.Equal(2, CacheFiles().Length);
    }

    [Fact]
    public void A_changed_data_file_misses()
    {
        var before = Load();
        WriteTrainFile("a gripping, funny film\t1", "clichés all the way down\t0", "a new last line\t0");
        var after = Load();

        Assert.Contains("cache miss", _log[1], StringComparison.Ordinal);
        Assert.NotEqual(before[2].InputIds, after[2].InputIds);
        Assert.Equal([0f], after[2].Labels);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("empty")]
    public void A_damaged_cache_file_is_reported_and_rebuilt(string damage)
    {
        var original = Load();
        string file = Assert.Single(CacheFiles());
        byte[] bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "flip":
                bytes[bytes.Length / 2] ^= 0x40;
                File.WriteAllBytes(file, bytes);
                break;
            case "truncate":
                File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
                break;
            default:
                File.WriteAllBytes(file, []);
                break;
        }

        var rebuilt = Load();
        var reloaded = Load();

        Assert.StartsWith("Warning: ignoring tokenization cache ", _log[1], StringComparison.Ordinal);
        Assert.Contains("cache miss", _log[2], StringComparison.Ordinal);
        Assert.Contains("cache hit", _log[3], StringComparison.Ordinal);
        AssertSameExamples(original, rebuilt);
        AssertSameExamples(original, reloaded);
    }

    public void Dispose()
    {
        _data.Dispose();
        _cache.Dispose();
    }

    private DataRoot Root => new([_data.Path]);

    private EncodedExample[] Load(TokenizerSpec? spec = null)
    {
        var experiment = TestSpecs.Experiment(new SequenceClassificationTaskSpec(), Dataset, spec);
        return TokenizedSplit.Load(experiment, new SequenceClassificationTask(experiment).Encode, DatasetSplit.Train, Root, Bert.Tokenizer, new TokenizationCache(_cache.Path), _log.Add);
    }

    private string[] CacheFiles() => Directory.GetFiles(Path.Combine(_cache.Path, "tokenized"));

    private void WriteTrainFile(params string[] rows) =>
        File.WriteAllLines(_data.File(Path.Combine("tiny", "train.tsv")), ["sentence\tlabel", .. rows]);

    private static void AssertSameExamples(IReadOnlyList<EncodedExample> expected, IReadOnlyList<EncodedExample> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].InputIds, actual[i].InputIds);
            Assert.Equal(expected[i].TokenTypeIds, actual[i].TokenTypeIds);
            Assert.Equal(expected[i].Labels, actual[i].Labels);
        }
    }
}
