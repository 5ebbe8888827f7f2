namespace Harness.Pact.Tests.Support;

public static class PactFile
{
    public static JsonNode Read(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty");

    public static JsonNode Interaction(JsonNode pact, string description) =>
        pact["interactions"]!.AsArray().Single(interaction => (string?)interaction!["description"] == description)!;
}
