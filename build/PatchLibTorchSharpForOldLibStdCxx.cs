using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// MSBuild task (compiled by RoslynCodeTaskFactory against netstandard2.0, so no newer APIs) that makes the NuGet LibTorchSharp load on a
/// libstdc++ older than GCC 13. See LibTorchSharpPatch.targets for the why.
/// </summary>
public sealed class PatchLibTorchSharpForOldLibStdCxx : Task
{
    private const string MissingVersion = "GLIBCXX_3.4.32";
    private const string MissingSymbol = "_ZSt21ios_base_library_initv";
    private const string ShimFileName = "libios_base_library_init_shim.so";
    private const string TargetFileName = "libLibTorchSharp.so";
    private const ushort VersionFlagWeak = 0x2;
    private const uint SectionTypeGnuVersionNeeds = 0x6ffffffe;

    [Required] public string NativeDirectory { get; set; } = "";
    [Required] public string ShimSource { get; set; } = "";

    public override bool Execute()
    {
        if (!System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux))
        {
            return true;
        }

        var target = Path.Combine(NativeDirectory, TargetFileName);
        if (SystemLibStdCxxHasVersion())
        {
            Log.LogMessage(MessageImportance.Low, $"System libstdc++ provides {MissingVersion}; {target} needs no patch.");
            return true;
        }

        var bytes = File.ReadAllBytes(target);
        var weakFlagOffset = FindVersionNeedFlagsOffset(bytes, MissingVersion);
        if (weakFlagOffset < 0)
        {
            Log.LogMessage(MessageImportance.Low, $"{target} does not need {MissingVersion}; nothing to patch.");
            return true;
        }

        var shim = Path.Combine(NativeDirectory, ShimFileName);
        if (!File.Exists(shim) && !Run("cc", $"-shared -fPIC -O2 -o \"{shim}\" \"{ShimSource}\"", "a C compiler (cc) is needed: apt-get install gcc"))
        {
            return false;
        }

        if ((BitConverter.ToUInt16(bytes, weakFlagOffset) & VersionFlagWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Low, $"{target} is already patched.");
            return true;
        }

        if (!EnsurePatchelf())
        {
            return false;
        }

        // Patch a copy and rename it over the original, so an interrupted build never leaves a half-written library.
        var temporary = target + ".patching";
        File.Copy(target, temporary, overwrite: true);
        if (!Run("patchelf", $"--clear-symbol-version {MissingSymbol} --add-needed {ShimFileName} \"{temporary}\"", "patchelf failed"))
        {
            File.Delete(temporary);
            return false;
        }

        var patched = File.ReadAllBytes(temporary);
        var offset = FindVersionNeedFlagsOffset(patched, MissingVersion);
        if (offset >= 0)
        {
            var flags = (ushort)(BitConverter.ToUInt16(patched, offset) | VersionFlagWeak);
            BitConverter.GetBytes(flags).CopyTo(patched, offset);
            File.WriteAllBytes(temporary, patched);
        }

        // File.Replace is a rename on Unix: readers see the old library or the new one, never a partial file.
        File.Replace(temporary, target, null);
        Log.LogMessage(MessageImportance.High, $"Patched {target} for a libstdc++ without {MissingVersion}.");
        return true;
    }

    private static bool SystemLibStdCxxHasVersion()
    {
        string[] candidates =
        [
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
            "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/libstdc++.so.6",
        ];
        var library = candidates.FirstOrDefault(File.Exists);
        if (library is null)
        {
            return false;
        }

        var haystack = File.ReadAllBytes(library);
        return Encoding.ASCII.GetString(haystack).Contains(MissingVersion + "\0");
    }

    /// <summary>
    /// Walks the ELF64 .gnu.version_r section (Elf64_Verneed / Elf64_Vernaux chains) and returns the
    /// file offset of vna_flags for the named version, or -1 when the library does not need it.
    /// </summary>
    private static int FindVersionNeedFlagsOffset(byte[] elf, string versionName)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("libLibTorchSharp.so is not a little-endian ELF64 file.");
        }

        var sectionTable = (int)BitConverter.ToUInt64(elf, 0x28);
        var sectionSize = BitConverter.ToUInt16(elf, 0x3a);
        var sectionCount = BitConverter.ToUInt16(elf, 0x3c);
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionTable + (i * sectionSize);
            if (BitConverter.ToUInt32(elf, header + 4) != SectionTypeGnuVersionNeeds)
            {
                continue;
            }

            var sectionOffset = (int)BitConverter.ToUInt64(elf, header + 0x18);
            var linkedStrings = BitConverter.ToUInt32(elf, header + 0x28);
            var needCount = BitConverter.ToUInt32(elf, header + 0x2c);
            var stringsHeader = sectionTable + ((int)linkedStrings * sectionSize);
            var stringsOffset = (int)BitConverter.ToUInt64(elf, stringsHeader + 0x18);

            var need = sectionOffset;
            for (var n = 0; n < needCount; n++)
            {
                var auxCount = BitConverter.ToUInt16(elf, need + 2);
                var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadCString(elf, stringsOffset + (int)BitConverter.ToUInt32(elf, aux + 8));
                    if (name == versionName)
                    {
                        return aux + 4;
                    }

                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }

                need += (int)BitConverter.ToUInt32(elf, need + 12);
            }
        }

        return -1;
    }

    private static string ReadCString(byte[] bytes, int start)
    {
        var end = Array.IndexOf(bytes, (byte)0, start);
        return Encoding.ASCII.GetString(bytes, start, end - start);
    }

    private bool EnsurePatchelf()
    {
        if (Run("patchelf", "--version", errorHint: null))
        {
            return true;
        }

        // The project installs what it needs: on a Debian/Ubuntu machine where we are root, fetch patchelf from apt.
        if (Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            Log.LogMessage(MessageImportance.High, "Installing patchelf with apt-get (needed once to load TorchSharp on this libstdc++).");
            if (Run("apt-get", "install -y -qq patchelf", errorHint: null)
                || (Run("apt-get", "update -qq", errorHint: null) && Run("apt-get", "install -y -qq patchelf", errorHint: null)))
            {
                return true;
            }
        }

        Log.LogError($"patchelf is required to load TorchSharp on a libstdc++ without {MissingVersion}. Install it (Debian/Ubuntu: sudo apt-get install patchelf) and build again.");
        return false;
    }

    private bool Run(string fileName, string arguments, string errorHint)
    {
        try
        {
            var start = new ProcessStartInfo(fileName, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 0)
            {
                return true;
            }

            if (errorHint is not null)
            {
                Log.LogError($"{fileName} {arguments} exited with {process.ExitCode}: {error}{output.Result} ({errorHint})");
            }

            return false;
        }
        catch (System.ComponentModel.Win32Exception) when (errorHint is null)
        {
            return false;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Log.LogError($"Could not start {fileName}: {exception.Message} ({errorHint})");
            return false;
        }
    }
}
