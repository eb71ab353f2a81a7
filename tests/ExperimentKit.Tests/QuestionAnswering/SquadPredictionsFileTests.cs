using System.Text.Json;
using ExperimentKit.Data.QuestionAnswering;

namespace ExperimentKit.Tests.QuestionAnswering;

/// <summary>predictions.json and nbest_predictions.json as utils_qa writes them.</summary>
public sealed class SquadPredictionsFileTests
{
    private static readonly QuestionAnsweringPrediction[] Predictions =
    [
        new("q2", "Denver Broncos", [new AnswerCandidate("Denver Broncos", 7.5f, 6.25f, 0.75f), new AnswerCandidate("Broncos", 1.1f, 6.25f, 0.25f)]),
        new("q1", "", []),
        new("q3", "l'été <b>", [new AnswerCandidate("l'été <b>", float.NaN, 0, float.NaN)]),
    ];

    [Fact]
    public void Predictions_map_each_id_to_its_answer_in_order()
    {
        using var folder = new TemporaryFolder();

        SquadPredictionsFile.Write(folder.Path, Predictions);

        string text = File.ReadAllText(folder.File("predictions.json"));
        Assert.Equal("{\n    \"q2\": \"Denver Broncos\",\n    \"q1\": \"\",\n    \"q3\": \"l'été <b>\"\n}\n", text);
    }

    [Fact]
    public void The_n_best_file_lists_each_candidate_with_its_logits_and_probability()
    {
        using var folder = new TemporaryFolder();

        SquadPredictionsFile.Write(folder.File("out"), Predictions);

        using var json = JsonDocument.Parse(File.ReadAllBytes(folder.File("out", "nbest_predictions.json")));
        Assert.Equal(["q2", "q1", "q3"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var second = json.RootElement.GetProperty("q2")[1];
        Assert.Equal(["start_logit", "end_logit", "text", "probability"], second.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Broncos", 1.100000023841858, 0.25), (second.GetProperty("text").GetString(), second.GetProperty("start_logit").GetDouble(), second.GetProperty("probability").GetDouble()));
        Assert.Equal(0, json.RootElement.GetProperty("q1").GetArrayLength());
        Assert.Equal("NaN", json.RootElement.GetProperty("q3")[0].GetProperty("start_logit").GetString());
    }
}
