namespace Harness.Verification.Tests.Support;

/// <summary>Hand-made V4 pact files, for feeding the cross-check and the matrix interactions that are wrong on purpose.</summary>
public static class DoctoredPact
{
    /// <summary>A postAuth interaction that agrees with the spec; tests doctor one part of it.</summary>
    public static JsonObject ValidAuthInteraction() => Interaction(
        "a request to authenticate",
        "POST",
        "/airline/v1.1/auth",
        new JsonObject { ["client_id"] = "sandbox-client", ["client_secret"] = "not-a-real-secret" },
        201,
        new JsonObject { ["access_token"] = "a-token", ["expires_in"] = 86400, ["scope"] = "all:cfar", ["token_type"] = "Bearer" });

    public static JsonObject Interaction(string description, string method, string path, JsonNode? requestBody, int status, JsonNode? responseBody)
    {
        var request = new JsonObject { ["method"] = method, ["path"] = path, ["headers"] = new JsonObject() };
        if (requestBody is not null)
        {
            request["headers"]!["Content-Type"] = new JsonArray("application/json");
            request["body"] = Body(requestBody);
        }

        var response = new JsonObject { ["status"] = status, ["headers"] = new JsonObject() };
        if (responseBody is not null)
        {
            response["headers"]!["Content-Type"] = new JsonArray("application/json");
            response["body"] = Body(responseBody);
        }

        return new JsonObject
        {
            ["description"] = description,
            ["type"] = "Synchronous/HTTP",
            ["providerStates"] = new JsonArray(),
            ["request"] = request,
            ["response"] = response,
        };
    }

    /// <summary>Writes a pact of <paramref name="interactions"/> into <paramref name="directory"/> and reads it back.</summary>
    public static PactFile Write(string directory, params JsonObject[] interactions)
    {
        var pact = new JsonObject
        {
            ["consumer"] = new JsonObject { ["name"] = "doctored-consumer" },
            ["provider"] = new JsonObject { ["name"] = CoverageSources.AirlineProvider },
            ["interactions"] = new JsonArray(interactions.Select(i => i.DeepClone()).ToArray()),
            ["metadata"] = new JsonObject { ["pactSpecification"] = new JsonObject { ["version"] = "4.0" } },
        };
        var path = Path.Combine(directory, "doctored-consumer-hts-airlines-api.json");
        File.WriteAllText(path, pact.ToJsonString());
        return PactFile.Load(path);
    }

    private static JsonObject Body(JsonNode content) =>
        new() { ["content"] = content, ["contentType"] = "application/json", ["encoded"] = false };
}
