using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Harness.Pact;
using Harness.Pact.Matchers;

namespace Harness.Verification.Tests.Support;

/// <summary>
/// A small consumer pact written by the test itself with Harness.Pact's consumer builder, so provider verification is
/// exercised whether or not contracts/pacts exists yet. Its interactions hit real sandbox endpoints in real provider states.
/// </summary>
public static class GeneratedPact
{
    public const string Consumer = "verification-tests-consumer";

    public const string ContractInteraction = "a request for a CFAR contract";

    public const string ContractId = "cfar-contract-verify-1";

    /// <summary>An obviously fake token the provider state "a valid token exists" makes the sandbox accept.</summary>
    private const string Token = "verification-test-token";

    private const string AmountPattern = @"^\d+(\.\d+)?$";

    /// <summary>Writes the pact into <paramref name="pactDirectory"/> and returns its path.</summary>
    public static async Task<string> WriteAsync(string pactDirectory)
    {
        var config = new PactConfig { PactDir = pactDirectory, DefaultJsonSettings = new JsonSerializerOptions(JsonSerializerDefaults.General) };
        using var pact = Harness.Pact.Pact.V4(Consumer, ProviderUnderTest.ProviderName, config);
        pact.UponReceiving(ContractInteraction)
            .Given(ProviderStates.ValidTokenExists, new Dictionary<string, string> { ["token"] = Token })
            .Given(ProviderStates.CfarContractExists, new Dictionary<string, string> { ["contract_id"] = ContractId })
            .WithRequest(HttpMethod.Get, $"/airline/v1.1/cfar_contracts/{ContractId}")
            .WithHeader("Authorization", Match.Regex($"Bearer {Token}", "^Bearer .+$"))
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new Dictionary<string, object>
            {
                ["id"] = ContractId,
                ["status"] = Match.Regex("created", "^(created|confirmed|charged_back|voided|canceled)$"),
                ["premium"] = Match.Regex("80.00", AmountPattern),
                ["currency"] = Match.Type("USD"),
                ["coverage_percentage"] = Match.Regex("80", AmountPattern),
                ["created_date_time"] = Match.Regex("2030-01-01T10:00:00Z", Match.Rfc3339Pattern),
            });
        pact.UponReceiving("a request to authenticate with the sandbox's public test credentials")
            .WithRequest(HttpMethod.Post, "/airline/v1.1/auth")
            .WithJsonBody(new Dictionary<string, object>
            {
                ["client_id"] = SandboxOptions.DefaultClientId,
                ["client_secret"] = SandboxOptions.DefaultClientSecret,
            })
            .WillRespond()
            .WithStatus(HttpStatusCode.Created)
            .WithJsonBody(new Dictionary<string, object>
            {
                ["access_token"] = Match.Type("a-token"),
                ["token_type"] = Match.Type("Bearer"),
                ["expires_in"] = Match.Integer(86400),
                ["scope"] = Match.Type("all:cfar"),
            });
        pact.UponReceiving("a request for a DG contract that does not exist")
            .Given(ProviderStates.ValidTokenExists, new Dictionary<string, string> { ["token"] = Token })
            .WithRequest(HttpMethod.Get, "/airline/v1.1/dg_contracts/no-such-dg-contract")
            .WithHeader("Authorization", Match.Regex($"Bearer {Token}", "^Bearer .+$"))
            .WillRespond()
            .WithStatus(HttpStatusCode.NotFound);

        await pact.VerifyAsync(async context =>
        {
            using var http = new HttpClient { BaseAddress = context.MockServerUri };
            using var authorised = new HttpRequestMessage(HttpMethod.Get, $"airline/v1.1/cfar_contracts/{ContractId}");
            authorised.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var contract = await http.SendAsync(authorised);
            contract.StatusCode.Should().Be(HttpStatusCode.OK);

            using var auth = await http.PostAsJsonAsync("airline/v1.1/auth", new Dictionary<string, string>
            {
                ["client_id"] = SandboxOptions.DefaultClientId,
                ["client_secret"] = SandboxOptions.DefaultClientSecret,
            });
            auth.StatusCode.Should().Be(HttpStatusCode.Created);

            using var missing = new HttpRequestMessage(HttpMethod.Get, "airline/v1.1/dg_contracts/no-such-dg-contract");
            missing.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var notFound = await http.SendAsync(missing);
            notFound.StatusCode.Should().Be(HttpStatusCode.NotFound);
        });

        return Path.Combine(pactDirectory, $"{Consumer}-{ProviderUnderTest.ProviderName}.json");
    }
}
