namespace Harness.Verification.Tests.Support;

/// <summary>Copies of pact files with their interactions in a seeded random order, for verifying in any order.</summary>
public static class ShuffledPacts
{
    /// <summary>HARNESS_SHUFFLE_SEED replays an order a failing run printed; otherwise a new seed each run.</summary>
    public static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("HARNESS_SHUFFLE_SEED"), System.Globalization.CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();

    /// <summary>Writes a shuffled copy of each pact into <paramref name="directory"/>; returns the copies' paths.</summary>
    public static IReadOnlyList<FileInfo> Write(IEnumerable<PactFile> pacts, string directory, int seed)
    {
        var random = new Random(seed);
        var written = new List<FileInfo>();
        foreach (var pact in pacts)
        {
            var json = JsonNode.Parse(File.ReadAllText(pact.Path))!.AsObject();
            var interactions = json["interactions"]!.AsArray().Select(i => i!.DeepClone()).ToArray();
            random.Shuffle(interactions);
            json["interactions"] = new JsonArray(interactions);
            var path = Path.Combine(directory, Path.GetFileName(pact.Path));
            File.WriteAllText(path, json.ToJsonString());
            written.Add(new FileInfo(path));
        }

        return written;
    }

    /// <summary>The interaction descriptions of a pact file, in file order.</summary>
    public static IReadOnlyList<string> Descriptions(FileInfo pact) =>
        [.. JsonNode.Parse(File.ReadAllText(pact.FullName))!["interactions"]!.AsArray().Select(i => (string)i!["description"]!)];
}
