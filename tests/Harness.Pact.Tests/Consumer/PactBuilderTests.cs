using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Harness.Pact.Matchers;
using Harness.Pact.Tests.Support;

namespace Harness.Pact.Tests.Consumer;

public sealed class PactBuilderTests : IDisposable
{
    private const string Consumer = "airline-partner";
    private const string Provider = "hts-airlines-api";

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly TempDirectory pacts = new();
    private readonly HttpClient http = new();

    public void Dispose()
    {
        http.Dispose();
        pacts.Dispose();
    }

    [Fact]
    public async Task VerifyAsync_WhenInteractionHonoured_WritesV4PactFile()
    {
        using var pact = NewPact();
        pact.UponReceiving("a request for a CFAR contract")
            .Given("a confirmed CFAR contract exists", new Dictionary<string, string> { ["id"] = "123", ["currency"] = "USD" })
            .WithRequest(HttpMethod.Get, "/cfar_contracts/123")
            .WithHeader("Authorization", Match.Regex("Bearer abc", "^Bearer .+$"))
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new { Id = "123", ContractStatus = "confirmed" });

        await pact.VerifyAsync(async context =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(context.MockServerUri, "cfar_contracts/123"));
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer token-value");
            using var response = await http.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).Should().Contain("\"contract_status\":\"confirmed\"");
        });

        var file = PactFile.Read(pacts.PactFile(Consumer, Provider));
        file["metadata"]!["pactSpecification"]!["version"]!.GetValue<string>().Should().Be("4.0");
        file["metadata"]!["pactRust"]!["ffi"]!.GetValue<string>().Should().Be("0.5.8");
        file["consumer"]!["name"]!.GetValue<string>().Should().Be(Consumer);
        file["provider"]!["name"]!.GetValue<string>().Should().Be(Provider);
        var interaction = PactFile.Interaction(file, "a request for a CFAR contract");
        interaction["type"]!.GetValue<string>().Should().Be("Synchronous/HTTP");
        var state = interaction["providerStates"]!.AsArray().Single()!;
        state["name"]!.GetValue<string>().Should().Be("a confirmed CFAR contract exists");
        state["params"]!["id"]!.GetValue<string>().Should().Be("123", "string parameters stay strings");
        state["params"]!["currency"]!.GetValue<string>().Should().Be("USD");
        interaction["response"]!["body"]!["content"]!["contract_status"]!.GetValue<string>().Should().Be("confirmed");
        Console.WriteLine(file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private IPactBuilderV4 NewPact() =>
        Pact.V4(Consumer, Provider, new PactConfig { PactDir = pacts.Path, DefaultJsonSettings = SnakeCase });
}
