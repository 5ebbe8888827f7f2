namespace Harness.Sandbox.Tests.Support;

public static class ProviderStateExtensions
{
    public static async Task<Reply> StateAsync(this ApiClient api, string state, JsonObject? parameters = null, string action = "setup")
    {
        var body = new JsonObject { ["state"] = state, ["params"] = parameters?.DeepClone() ?? new JsonObject(), ["action"] = action };
        return await api.SendAsync(HttpMethod.Post, "/_pact/provider-states", body, token: null);
    }

    public static async Task<JsonObject> GivenAsync(this ApiClient api, string state, JsonObject? parameters = null)
    {
        var reply = await api.StateAsync(state, parameters);
        reply.Status.Should().Be(HttpStatusCode.OK, Flows.Describe(reply));
        return (JsonObject)reply.Json!;
    }

    public static async Task TeardownAsync(this ApiClient api)
    {
        var reply = await api.StateAsync(string.Empty, action: "teardown");
        reply.Status.Should().Be(HttpStatusCode.OK);
    }
}
