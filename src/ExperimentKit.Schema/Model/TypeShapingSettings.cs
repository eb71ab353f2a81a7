using System.Collections.Generic;
using System.Linq;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// The settings the generated label enum, batch type and model class are built from. Another value of one of them
/// needs another build, so neither `--set` nor a sweep may change them.
/// </summary>
public static class TypeShapingSettings
{
    /// <summary>The settings of <paramref name="changed"/> that differ from <paramref name="compiled"/> among those.</summary>
    public static IReadOnlyList<string> Changes(ExperimentSpec compiled, ExperimentSpec changed)
    {
        var typed = new (string Setting, object? Compiled, object? Changed)[]
        {
            ("model.model_type", compiled.Model.ModelType, changed.Model.ModelType),
            ("task", compiled.Task.GetType(), changed.Task.GetType()),
            ("dataset.label_names", compiled.Dataset.LabelNames, changed.Dataset.LabelNames),
            ("num_labels", compiled.Task.LabelCount(compiled.Dataset), changed.Task.LabelCount(changed.Dataset)),
            ("collator.return_token_type_ids", compiled.Collator.ReturnTokenTypeIds, changed.Collator.ReturnTokenTypeIds),
        };
        return typed.Where(t => !Equals(t.Compiled, t.Changed)).Select(t => t.Setting).ToArray();
    }
}
