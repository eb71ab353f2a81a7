namespace ExperimentKit.Generators.Tests.Infrastructure;

/// <summary>
/// Compares text to a committed golden file. On a mismatch it writes <c>name.received.ext</c> beside the golden
/// file (git-ignored) and fails with the command to compare or accept; a missing golden file is written and fails once.
/// </summary>
internal static class Golden
{
    public static void Match(string actual, string goldenRelativePath)
    {
        var golden = TestPaths.Combine(goldenRelativePath);
        var received = Path.Combine(
            Path.GetDirectoryName(golden)!,
            Path.GetFileNameWithoutExtension(golden) + ".received" + Path.GetExtension(golden));
        if (!File.Exists(golden))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, actual);
            Assert.Fail($"golden file {goldenRelativePath} did not exist and has been written; review it, commit it and run again");
        }

        if (File.ReadAllText(golden).ReplaceLineEndings("\n") == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"output differs from {goldenRelativePath}.\n  compare: diff {golden} {received}\n  accept:  mv {received} {golden}");
    }
}
