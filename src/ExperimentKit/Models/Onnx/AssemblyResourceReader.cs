using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ExperimentKit.Models.Onnx;

/// <summary>
/// Reads an embedded (manifest) resource's bytes straight from a .NET assembly file, without loading
/// or running the assembly: the PE's CLI header points at the resources blob, where each resource is a
/// 4-byte little-endian length followed by its bytes.
/// </summary>
public static class AssemblyResourceReader
{
    public static byte[] Read(string assemblyPath, string resourceName)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != resourceName || !resource.Implementation.IsNil)
            {
                continue;
            }

            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var section = pe.GetSectionData(directory.RelativeVirtualAddress);
            var reader = section.GetReader((int)resource.Offset, directory.Size - (int)resource.Offset);
            var length = reader.ReadInt32();
            return reader.ReadBytes(length);
        }

        var names = metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name));
        throw new InvalidDataException($"{assemblyPath} has no embedded resource '{resourceName}'. It has: {string.Join(", ", names)}.");
    }
}
