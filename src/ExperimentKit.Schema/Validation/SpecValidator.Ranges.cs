using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Validation;

/// <summary>
/// Each key's own range, as its table declares it (the JSON Schema's minimum / maximum come from the same declaration):
/// the model's config keys, then each section's keys that the spec records hold.
/// </summary>
internal sealed partial class SpecValidator
{
    private void ValidateRanges()
    {
        var model = ConfigKeyProperties.Of(spec.Model.GetType(), ConfigKeyTable.For(spec.Model.ModelType));
        foreach (var key in model.Keys.Where(k => k.InModelSection))
        {
            InRange("model." + key.Name, key.Range, model.Get(spec.Model, key));
        }

        InRanges(ExperimentKeys.Task.Name, spec.Task, TaskKeys.All);
        InRanges(ExperimentKeys.Dataset.Name, spec.Dataset, DatasetKeys.All);
        InRanges(ExperimentKeys.Tokenizer.Name, spec.Tokenizer, TokenizerKeys.All);
        InRanges(ExperimentKeys.Collator.Name, spec.Collator, CollatorKeys.All);
        InRanges(ExperimentKeys.Training.Name, spec.Training, TrainingKeys.All);
    }

    private void InRanges(string section, object record, IReadOnlyList<SectionKey> table)
    {
        var properties = SectionKeyProperties.Of(record.GetType(), table);
        foreach (var key in table.Where(properties.Holds))
        {
            InRange($"{section}.{key.Name}", key.Range, properties.Get(record, key));
        }
    }

    /// <summary>An optional key not set (null) is in range: it means "not set".</summary>
    private void InRange(string path, ValueRange? range, object? value)
    {
        if (range is not null && value is not null)
        {
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            Check(range.Contains(number), SchemaRules.OutOfRange, path, range.Message(Key(path), number));
        }
    }
}
