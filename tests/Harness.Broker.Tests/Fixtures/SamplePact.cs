namespace Harness.Broker.Tests.Fixtures;

/// <summary>
/// A small V4 pact written in code, standing in for the real pacts that contracts/Harness.Contracts produces:
/// consumer "airline-partner", provider "hts-airlines-api", two HTTP interactions that <see cref="ToyProvider"/> serves.
/// </summary>
public static class SamplePact
{
    public const string Consumer = "airline-partner";
    public const string Provider = "hts-airlines-api";
    public const string ContractId = "cfar-7d1f9c";

    /// <summary>
    /// Writes the pact to <c>{directory}/airline-partner-hts-airlines-api.json</c> and returns its path. A different
    /// <paramref name="revision"/> gives different pact content (the broker tells pact versions apart by content).
    /// </summary>
    public static string WriteTo(string directory, int revision = 1)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{Consumer}-{Provider}.json");
        File.WriteAllText(path, Build(revision).ToJsonString());
        return path;
    }

    public static JsonObject Build(int revision = 1) => new()
    {
        ["consumer"] = new JsonObject { ["name"] = Consumer },
        ["provider"] = new JsonObject { ["name"] = Provider },
        ["interactions"] = new JsonArray(
            Interaction("a request for the API status", "/status", new JsonObject { ["status"] = "ok" }),
            Interaction("a request for a CFAR contract", $"/cfar_contracts/{ContractId}", new JsonObject
            {
                ["id"] = ContractId,
                ["status"] = "confirmed",
            })),
        ["metadata"] = new JsonObject
        {
            ["pactSpecification"] = new JsonObject { ["version"] = "4.0" },
            ["harness"] = new JsonObject { ["generatedBy"] = "Harness.Broker.Tests", ["revision"] = revision },
        },
    };

    private static JsonObject Interaction(string description, string path, JsonObject body) => new()
    {
        ["type"] = "Synchronous/HTTP",
        ["description"] = description,
        ["pending"] = false,
        ["request"] = new JsonObject
        {
            ["method"] = "GET",
            ["path"] = path,
            ["headers"] = new JsonObject { ["Accept"] = new JsonArray("application/json") },
        },
        ["response"] = new JsonObject
        {
            ["status"] = 200,
            ["headers"] = new JsonObject { ["Content-Type"] = new JsonArray("application/json") },
            ["body"] = new JsonObject { ["contentType"] = "application/json", ["encoded"] = false, ["content"] = body },
        },
    };
}
