using System.Text.Encodings.Web;
using System.Text.Json;
using ExperimentKit.IO;

namespace ExperimentKit.Data.QuestionAnswering;

/// <summary>
/// The files utils_qa writes: predictions.json, {id: answer text}, which the official SQuAD v1.1 evaluation script
/// reads, and nbest_predictions.json, {id: [{start_logit, end_logit, text, probability}, ...]}, best first. Both are
/// indented by four spaces (json.dumps(indent=4)) and written atomically.
/// </summary>
public static class SquadPredictionsFile
{
    public const string PredictionsFileName = "predictions.json";

    public const string NBestFileName = "nbest_predictions.json";

    // Text as written, not \u-escaped (json.dumps escapes non-ASCII): easier to read, and the same JSON to a reader.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes both files into <paramref name="folder"/> (created if missing), in the order of <paramref name="predictions"/>.</summary>
    public static void Write(string folder, IReadOnlyList<QuestionAnsweringPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(predictions);
        Directory.CreateDirectory(folder);
        WriteJson(Path.Combine(folder, PredictionsFileName), json =>
        {
            foreach (var prediction in predictions)
            {
                json.WriteString(prediction.Id, prediction.Text);
            }
        });
        WriteJson(Path.Combine(folder, NBestFileName), json =>
        {
            foreach (var prediction in predictions)
            {
                json.WriteStartArray(prediction.Id);
                foreach (var candidate in prediction.NBest)
                {
                    json.WriteStartObject();
                    WriteNumber(json, "start_logit", candidate.StartLogit);
                    WriteNumber(json, "end_logit", candidate.EndLogit);
                    json.WriteString("text", candidate.Text);
                    WriteNumber(json, "probability", candidate.Probability);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
        });
    }

    private static void WriteJson(string path, Action<Utf8JsonWriter> writeProperties) =>
        AtomicFile.Write(path, temporary =>
        {
            using (var stream = File.Create(temporary))
            using (var json = new Utf8JsonWriter(stream, Options))
            {
                json.WriteStartObject();
                writeProperties(json);
                json.WriteEndObject();
            }

            File.AppendAllText(temporary, "\n");
        });

    /// <summary>
    /// A float32 widened to double, which prints the digits Python prints for float(np.float32(x)). NaN and the
    /// infinities (a diverged model) are no JSON numbers: Python writes a bare NaN that strict readers reject, so
    /// they are written as the strings "NaN", "Infinity" and "-Infinity".
    /// </summary>
    private static void WriteNumber(Utf8JsonWriter json, string name, float value)
    {
        if (float.IsFinite(value))
        {
            json.WriteNumber(name, (double)value);
        }
        else
        {
            json.WriteString(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
