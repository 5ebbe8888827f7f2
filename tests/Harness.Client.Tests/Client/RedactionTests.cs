namespace Harness.Client.Tests.Client;

public sealed class RedactionTests : CannedServerTest
{
    [Fact]
    public async Task CallLogs_NeverContainTheSecretOrToken()
    {
        var logs = new List<ApiCallLog>();
        var options = Server.Options(onCall: log => { lock (logs) { logs.Add(log); } });
        using var client = new AirlineApiClient(options);
        var token = (await client.AuthenticateAsync()).Body!.AccessToken;
        await client.GetCfarContractAsync("c-1", "session-1");
        Server.Respond("getDg_contractsId", new CannedResponse(401));
        var failure = await Record.ExceptionAsync(() => client.GetDgContractAsync("c-1"));

        var printed = string.Join("\n", logs.Select(l => l + " " + JsonSerializer.Serialize(l))) + failure!.Message + failure;

        logs.Should().HaveCount(3);
        logs.Select(l => l.OperationId).Should().Equal("postAuth", "getCfar_contractsId", "getDg_contractsId");
        logs[1].RequestHeaders["Authorization"].Should().Be(Redactor.Mask);
        logs[1].RequestHeaders[AirlineApiClient.HcSessionIdHeader].Should().Be("session-1");
        logs[1].Path.Should().Be("/cfar_contracts/c-1");
        logs[1].StatusCode.Should().Be(200);
        printed.Should().NotContain(options.ClientSecret).And.NotContain(token).And.NotContain(Server.TokenPrefix);
    }

    [Fact]
    public void ToString_OfOptionsSettingsAndAuthModels_MasksSecrets()
    {
        var options = new AirlineApiOptions { BaseUrl = new Uri("http://127.0.0.1:1/"), ClientId = "id", ClientSecret = "hunter2" };
        var settings = new HarnessSettings { ClientSecret = "hunter2" };
        var request = new AuthRequest { ClientId = "id", ClientSecret = "hunter2" };
        var response = new AuthResponse { AccessToken = "eyJ.secret.token", Scope = "all", ExpiresIn = 60, TokenType = TokenType.Bearer };

        var printed = string.Join("\n", options, settings, request, response);

        printed.Should().NotContain("hunter2").And.NotContain("eyJ.secret.token").And.Contain(Redactor.Mask);
    }

    [Fact]
    public void Redact_ReplacesEverySecretOccurrence()
    {
        Redactor.Redact("a=hunter2&b=tok&c=hunter2", "hunter2", null, "tok").Should().Be("a=***&b=***&c=***");
    }

    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("authorization", true)]
    [InlineData("HC-Session-ID", false)]
    public void RedactHeader_MasksOnlyCredentialHeaders(string name, bool masked)
    {
        Redactor.RedactHeader(name, "value").Should().Be(masked ? Redactor.Mask : "value");
    }
}
