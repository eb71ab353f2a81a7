namespace ExperimentKit.Tests.Tokenization;

/// <summary>Plain tab-split readers for the GLUE files (fields hold literal quotes, so no CSV parsing).</summary>
internal static class Glue
{
    private static readonly string[] SentenceColumns = ["sentence", "sentence1", "sentence2", "#1 String", "#2 String"];

    /// <summary>MRPC rows as (#1 String, #2 String); ReadAllLines drops the BOM.</summary>
    public static IReadOnlyList<(string First, string Second)> MrpcPairs(string split) =>
        [.. File.ReadAllLines(TestData.Path("glue", "mrpc", $"{split}.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(fields => (fields[3], fields[4]))];

    public static IEnumerable<string> MrpcSentences(string split) =>
        MrpcPairs(split).SelectMany(pair => new[] { pair.First, pair.Second });

    /// <summary>Every sentence column of every GLUE .tsv, labelled "task/file:line".</summary>
    public static IEnumerable<(string Where, string Text)> AllSentences()
    {
        foreach (string file in Directory.GetFiles(TestData.Path("glue"), "*.tsv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string name = $"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)}";
            string[] lines = File.ReadAllLines(file);
            string[] header = lines[0].Split('\t');
            int[] columns = [.. Enumerable.Range(0, header.Length).Where(i => SentenceColumns.Contains(header[i]))];
            int first = 1;
            if (columns.Length == 0)
            {
                // CoLA train/dev have no header: source, label, annotation, sentence. dev_ids.tsv has no text.
                if (!name.StartsWith("cola/", StringComparison.Ordinal))
                {
                    continue;
                }

                columns = [3];
                first = 0;
            }

            for (int i = first; i < lines.Length; i++)
            {
                string[] fields = lines[i].Split('\t');
                foreach (int column in columns)
                {
                    yield return ($"{name}:{i + 1}", fields[column]);
                }
            }
        }
    }
}
