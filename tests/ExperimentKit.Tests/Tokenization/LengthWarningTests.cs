using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>Hugging Face's "Token indices sequence length is longer..." warning: once per tokenizer, never a crash.</summary>
public sealed class LengthWarningTests
{
    private static readonly EncodeOptions NoTruncation = new(Truncation: TruncationStrategy.DoNotTruncate);

    [Fact]
    public void Too_long_text_without_truncation_warns_once_per_tokenizer()
    {
        var messages = new List<string>();
        var tokenizer = new BertTokenizer(Bert.Tokenizer.Vocabulary) { Warning = messages.Add };
        string text = string.Join(' ', Enumerable.Repeat("word", 600));

        var encoding = tokenizer.Encode(text, options: NoTruncation);
        tokenizer.Encode(text + " more", options: NoTruncation);

        Assert.Equal(602, encoding.Length);
        Assert.Equal(
            "Token indices sequence length is longer than the specified maximum sequence length for this model (602 > 512). "
            + "Running this sequence through the model will result in indexing errors",
            Assert.Single(messages));
    }

    [Fact]
    public void Texts_within_the_limit_or_truncated_do_not_warn()
    {
        var messages = new List<string>();
        var tokenizer = new BertTokenizer(Bert.Tokenizer.Vocabulary) { Warning = messages.Add };
        string text = string.Join(' ', Enumerable.Repeat("word", 600));

        tokenizer.Encode("short", options: NoTruncation);
        tokenizer.Encode(text);

        Assert.Empty(messages);
    }
}
