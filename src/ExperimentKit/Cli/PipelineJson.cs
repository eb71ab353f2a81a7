using System.Text.Json.Nodes;
using ExperimentKit.Pipelines;

namespace ExperimentKit.Cli;

/// <summary>Runs a pipeline on the command's records and gives each result as transformers' pipeline returns it, as JSON.</summary>
internal static class PipelineJson
{
    public static IReadOnlyList<JsonNode> Run(Pipeline pipeline, IReadOnlyList<PipelineRecord> records, PipelineArguments arguments) => pipeline switch
    {
        TextClassificationPipeline classifier => Classify(classifier, records, arguments),
        TokenClassificationPipeline tagger => [.. tagger.Predict(Texts(records), arguments.AggregationStrategy).Select(entities => Array(entities.Select(Entity)))],
        QuestionAnsweringPipeline reader => Answer(reader, records, arguments),
        FillMaskPipeline filler => [.. filler.Fill(Texts(records), arguments.TopK ?? FillMaskPipeline.DefaultTopK).Select(FillResult)],
        FeatureExtractionPipeline extractor => arguments.SentenceEmbeddings
            ? [.. extractor.Embed(Texts(records)).Select(Vector)]
            : [.. extractor.TokenVectors(Texts(records)).Select(tokens => Array(tokens.Select(Vector)))],
        ZeroShotClassificationPipeline zeroShot => ZeroShot(zeroShot, records, arguments),
        _ => throw new ArgumentOutOfRangeException(nameof(pipeline), pipeline.Task, null),
    };

    private static JsonNode[] Classify(TextClassificationPipeline classifier, IReadOnlyList<PipelineRecord> records, PipelineArguments arguments)
    {
        var inputs = records.Select(r => new TextInput(r.Required("text"), r.Optional("text_pair"))).ToArray();
        int? topK = arguments.AllLabels ? null : arguments.TopK ?? 1;
        var results = classifier.Predict(inputs, topK, arguments.FunctionToApply);
        // Without top_k transformers gives one {label, score} per input; with it, a list.
        return [.. results.Select(labels => arguments.TopK is null && !arguments.AllLabels ? LabelScore(labels[0]) : Array(labels.Select(LabelScore)))];
    }

    private static JsonNode[] Answer(QuestionAnsweringPipeline reader, IReadOnlyList<PipelineRecord> records, PipelineArguments arguments)
    {
        var inputs = records.Select(r => (arguments.Question is { } question && r.Fields is null ? question : r.Required("question", textField: "context"), r.Required("context", textField: "context"))).ToArray();
        var options = new QuestionAnsweringOptions(
            arguments.TopK ?? 1, arguments.DocStride, arguments.MaxAnswerLength, arguments.MaxSeqLength, arguments.HandleImpossibleAnswer);
        return [.. reader.Answer(inputs, options).Select(answers => answers.Count == 1 ? AnswerObject(answers[0]) : Array(answers.Select(AnswerObject)))];
    }

    private static JsonNode[] ZeroShot(ZeroShotClassificationPipeline zeroShot, IReadOnlyList<PipelineRecord> records, PipelineArguments arguments) =>
        [.. zeroShot.Classify(Texts(records), arguments.CandidateLabels, arguments.HypothesisTemplate, arguments.MultiLabel).Select(result => (JsonNode)new JsonObject
        {
            ["sequence"] = result.Sequence,
            ["labels"] = Array(result.Labels.Select(label => (JsonNode)JsonValue.Create(label))),
            ["scores"] = Array(result.Scores.Select(score => (JsonNode)JsonValue.Create(score))),
        })];

    private static string[] Texts(IReadOnlyList<PipelineRecord> records) => [.. records.Select(r => r.Required("text"))];

    /// <summary>One mask: its candidates; several: a list per mask, as transformers returns them.</summary>
    private static JsonNode FillResult(IReadOnlyList<IReadOnlyList<MaskFill>> masks)
    {
        JsonNode Candidates(IReadOnlyList<MaskFill> fills) => Array(fills.Select(f => (JsonNode)new JsonObject
        {
            ["score"] = f.Score,
            ["token"] = f.Token,
            ["token_str"] = f.TokenStr,
            ["sequence"] = f.Sequence,
        }));
        return masks.Count == 1 ? Candidates(masks[0]) : Array(masks.Select(Candidates));
    }

    private static JsonNode LabelScore(LabelScore label) => new JsonObject { ["label"] = label.Label, ["score"] = label.Score };

    private static JsonNode AnswerObject(Answer answer) =>
        new JsonObject { ["score"] = answer.Score, ["start"] = answer.Start, ["end"] = answer.End, ["answer"] = answer.Text };

    /// <summary>aggregation none: {entity, score, index, word, start, end}; grouped: {entity_group, score, word, start, end}.</summary>
    private static JsonNode Entity(TokenEntity entity)
    {
        var json = new JsonObject { [entity.Index is null ? "entity_group" : "entity"] = entity.Entity, ["score"] = entity.Score };
        if (entity.Index is { } index)
        {
            json["index"] = index;
        }

        json["word"] = entity.Word;
        json["start"] = entity.Start;
        json["end"] = entity.End;
        return json;
    }

    private static JsonNode Vector(float[] values) => Array(values.Select(v => (JsonNode)JsonValue.Create(v)));

    private static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);
}
