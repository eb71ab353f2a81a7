using System.Runtime.CompilerServices;
using ExperimentKit.Torch;

namespace ExperimentKit.Tests;

/// <summary>
/// The tests train and infer in this process, several classes at once; OpenMP threads that spin while they wait would
/// take the cores the others need, as they would a user's (see <see cref="OpenMpWaitPolicy"/>). Set before any test can
/// load LibTorch.
/// </summary>
internal static class OpenMpSetup
{
    [ModuleInitializer]
    internal static void PreferPassiveWaiting() => _ = OpenMpWaitPolicy.PreferPassive();
}
