namespace Harness.Sandbox.Tests.Support;

/// <summary>Multi-step setups over raw HTTP, each step asserted so a broken step fails where it breaks.</summary>
public static class Flows
{
    public static async Task<(JsonObject Offer, JsonObject Itinerary)> OfferAsync(this ApiClient api, string product, JsonObject? itinerary = null)
    {
        itinerary ??= Bodies.Itinerary(product);
        var reply = await api.PostAsync($"{product}_offers", Bodies.OfferRequest(product, itinerary));
        reply.Status.Should().Be(HttpStatusCode.Created, Describe(reply));
        return ((JsonObject)reply.Json![0]!, itinerary);
    }

    public static async Task<string> ContractAsync(this ApiClient api, string product, JsonObject? itinerary = null)
    {
        var (offer, it) = await api.OfferAsync(product, itinerary);
        var reply = await api.PostAsync($"{product}_contracts", Bodies.ContractRequest((string)offer["id"]!, it));
        reply.Status.Should().Be(HttpStatusCode.Created, Describe(reply));
        return (string)reply.Json!["id"]!;
    }

    public static async Task<string> ConfirmedContractAsync(this ApiClient api, string product)
    {
        var id = await api.ContractAsync(product);
        var reply = await api.PutAsync($"{product}_contracts/{id}/update_status", Bodies.Status("confirmed"));
        reply.Status.Should().Be(HttpStatusCode.OK, Describe(reply));
        return id;
    }

    public static async Task<JsonObject> CfarExerciseAsync(this ApiClient api, string? sessionId = null)
    {
        var contractId = await api.ConfirmedContractAsync("cfar");
        var reply = await api.PostAsync("cfar_contract_exercises", Bodies.CfarExercise(contractId), sessionId);
        reply.Status.Should().Be(HttpStatusCode.Created, Describe(reply));
        return (JsonObject)reply.Json!;
    }

    public static async Task<string> SessionAsync(this ApiClient api)
    {
        var reply = await api.PostAsync("sessions", Bodies.Session());
        reply.Status.Should().Be(HttpStatusCode.Created, Describe(reply));
        return (string)reply.Json!["id"]!;
    }

    public static string Describe(Reply reply) => $"HTTP {(int)reply.Status}: {System.Text.Encoding.UTF8.GetString(reply.Bytes)}";
}
