namespace ExperimentKit.Data.Records;

/// <summary>
/// Opens data files as records: the format from the extension (.csv, .tsv, .jsonl, .json, .parquet) unless given, and
/// a folder expanded into its data files.
/// </summary>
public static class RecordReaders
{
    // Bump when any reader changes which records a given file yields, so cache keys built on Fingerprint change too.
    private const int Version = 1;

    private static readonly (string Extension, DataFileFormat Format)[] Extensions =
    [
        (".csv", DataFileFormat.Csv),
        (".tsv", DataFileFormat.Tsv),
        (".jsonl", DataFileFormat.JsonLines),
        (".json", DataFileFormat.Json),
        (".parquet", DataFileFormat.Parquet),
    ];

    /// <summary>".csv, .tsv, .jsonl, .json, .parquet": what errors list as the supported extensions.</summary>
    public static string SupportedExtensions => string.Join(", ", Extensions.Select(e => e.Extension));

    /// <summary>The format a file's extension (in any case) stands for.</summary>
    /// <exception cref="NotSupportedException">The extension is none of <see cref="SupportedExtensions"/>.</exception>
    public static DataFileFormat FormatOf(string path) =>
        TryFormatOf(path) ?? throw new NotSupportedException(
            $"cannot tell the format of '{path}' from its extension; supported: {SupportedExtensions}, or give the format.");

    /// <summary>A reader for one file, of <paramref name="format"/> when given, else of its extension's format.</summary>
    /// <exception cref="DataFileNotFoundException">There is no such file.</exception>
    public static IRecordReader Open(string path, DataFileFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DataFileNotFoundException($"data file not found: {Path.GetFullPath(path)}");
        }

        return (format ?? FormatOf(path)) switch
        {
            DataFileFormat.Csv => new CsvRecordReader(path),
            DataFileFormat.Tsv => new TsvRecordReader(path),
            DataFileFormat.JsonLines => new JsonLinesRecordReader(path),
            DataFileFormat.Json => new JsonArrayRecordReader(path),
            DataFileFormat.Parquet => new ParquetRecordReader(path),
            var other => throw new ArgumentOutOfRangeException(nameof(format), other, null),
        };
    }

    /// <summary>
    /// The data files a dataset path names, found under the data roots: a file is itself; a folder gives its files of
    /// one format (of <paramref name="format"/> when given), sorted by name, as shards `train-00000-of-00002.parquet`, ...
    /// are meant to be read.
    /// </summary>
    /// <param name="whatItIs">What the path is for, as errors say it ("train file of dataset 'reviews'").</param>
    /// <exception cref="DataFileNotFoundException">The path is under none of the roots (every path tried is listed), or the folder has no data files.</exception>
    /// <exception cref="InvalidDataException">The folder holds files of more than one format and none was given.</exception>
    public static IReadOnlyList<string> DataFiles(DataRoot root, string fileOrFolder, DataFileFormat? format, string whatItIs)
    {
        ArgumentNullException.ThrowIfNull(root);
        var path = root.LocateFileOrFolder(fileOrFolder, whatItIs);
        if (File.Exists(path))
        {
            return [path];
        }

        var files = Directory.EnumerateFiles(path)
            .Select(file => (File: file, Format: TryFormatOf(file)))
            .Where(f => f.Format is not null && (format is null || f.Format == format))
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            throw new DataFileNotFoundException(format is { } wanted
                ? $"{whatItIs}: the folder {path} has no {Extension(wanted)} files; put them there, or name the format they have."
                : $"{whatItIs}: the folder {path} has no data files ({SupportedExtensions}); put the split's files there.");
        }

        var formats = files.Select(f => f.Format).Distinct().ToArray();
        if (formats.Length > 1)
        {
            throw new InvalidDataException(
                $"{whatItIs}: the folder {path} holds {string.Join(" and ", formats.Select(f => Extension(f!.Value)))} files; "
                + "keep one format per folder or give the format.");
        }

        return files.Select(f => f.File).ToArray();
    }

    /// <summary>
    /// How files of a format are read, stable across runs and machines (the same text <see cref="IRecordReader.Fingerprint"/>
    /// gives): a cache key over records read this way includes it, so a change in the reading rules rebuilds the cache.
    /// </summary>
    public static string Fingerprint(DataFileFormat format) => Versioned(format switch
    {
        DataFileFormat.Csv => CsvRecordReader.Rules,
        DataFileFormat.Tsv => TsvRecordReader.Rules,
        DataFileFormat.JsonLines => JsonLinesRecordReader.Rules,
        DataFileFormat.Json => JsonArrayRecordReader.Rules,
        DataFileFormat.Parquet => ParquetRecordReader.Rules,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    });

    private static string Versioned(string rules) => $"records v{Version}; {rules}";

    private static DataFileFormat? TryFormatOf(string path)
    {
        var extension = Path.GetExtension(path);
        return Extensions.Where(e => string.Equals(e.Extension, extension, StringComparison.OrdinalIgnoreCase))
            .Select(e => (DataFileFormat?)e.Format)
            .FirstOrDefault();
    }

    private static string Extension(DataFileFormat format) => Extensions.First(e => e.Format == format).Extension;
}
