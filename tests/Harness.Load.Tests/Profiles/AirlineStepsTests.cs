using Harness.Client;
using Harness.Scenarios.Model;
using Harness.Scenarios.Steps;
using Harness.TestData;

namespace Harness.Load.Tests.Profiles;

/// <summary>A journey step as a load step's response, against the sandbox started in-process.</summary>
public sealed class AirlineStepsTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private SandboxHost? _sandbox;
    private AirlineApiClient? _client;
    private ProfileContext? _context;

    private AirlineApiClient Client => _client!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Host = "127.0.0.1", Port = 0, Quiet = true });
        _context = new ProfileContext(_sandbox.BaseUrl, _sandbox.AirlineBaseUrl, _http, 42)
        {
            Options = new Dictionary<string, double> { [AirlineSteps.TripsOption] = 3 },
        };
        _client = AirlineSteps.CreateClient(_context);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        _http.Dispose();
        if (_sandbox is not null)
            await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_PurchaseStepsOnPreparedTrip_AreOkWithTheSpecStatusesAndConfirmAsPrepared()
    {
        var trip = AirlineSteps.PrepareTrips(_context!, "journey")[0];
        var journey = new JourneyContext(Client, trip);

        var statuses = new List<string>();
        foreach (var step in new Func<JourneyContext, Task<ApiResponse>>[]
                 { SessionSteps.CreatePurchaseSession, CfarSteps.CreateOffers, CfarSteps.CreateContract, CfarSteps.ConfirmContract })
        {
            var response = await AirlineSteps.RunAsync(step, journey);
            statuses.Add((response.IsError ? "fail " : "ok ") + response.StatusCode);
        }

        statuses.Should().Equal("ok 201", "ok 201", "ok 201", "ok 200");
        journey.CfarContract!.PnrReference.Should().Be(trip.CfarConfirmation.PnrReference, "the prepared confirmation was sent");
        _sandbox!.State.ContractStatus(journey.CfarContract.Id).Should().Be("confirmed");
    }

    [Fact]
    public async Task RunAsync_PaymentDeclined_ThrowsStepCheckExceptionSoTheEngineCountsAFailure()
    {
        var journey = await ContractAsync();
        journey.PaymentToken = AirlineSandbox.DeclinePaymentToken;

        // The call answered 200, but succeeded: false is not what the step expects: a load run must not count it ok.
        var pay = async () => await AirlineSteps.RunAsync(CfarSteps.ProcessPayment, journey);

        (await pay.Should().ThrowAsync<StepCheckException>()).Which.Actual.Should().Be("payment succeeded False");
    }

    [Fact]
    public async Task RunAsync_ApiRefusesTheCall_FailsWithTheErrorStatus()
    {
        var journey = await ContractAsync(withFakers: true);
        var voided = await AirlineSteps.RunAsync(CfarSteps.VoidContractStep.Action, journey);
        (voided.IsError, voided.StatusCode).Should().Be((false, "200"));

        var confirm = await AirlineSteps.RunAsync(CfarSteps.ConfirmContract, journey);

        (confirm.IsError, confirm.StatusCode).Should().Be((true, "422"), "a voided contract cannot be confirmed (illegal_transition)");
    }

    [Fact]
    public void PrepareTrips_SameSeed_PreparesTheSameTripsWithoutSessionIds()
    {
        var first = AirlineSteps.PrepareTrips(_context!, "journey");
        var second = AirlineSteps.PrepareTrips(_context!, "journey");

        first.Should().HaveCount(3);
        first.Select(t => t.CfarConfirmation.PnrReference).Should().Equal(second.Select(t => t.CfarConfirmation.PnrReference));
        first.Select(t => t.CfarPayment.PaymentMethodToken).Should().Equal(second.Select(t => t.CfarPayment.PaymentMethodToken));
        first.Should().OnlyContain(t => t.PurchaseSession.SessionId == null, "the server assigns session ids: a pooled trip is sent many times");
    }

    [Fact]
    public void PrepareTrips_FractionalCount_ThrowsNamingTheOption()
    {
        var context = _context! with { Options = new Dictionary<string, double> { [AirlineSteps.TripsOption] = 2.5 } };

        var prepare = () => AirlineSteps.PrepareTrips(context, "journey");

        prepare.Should().Throw<ArgumentException>().WithMessage("*journey*trips must be a whole number*2.5*");
    }

    private async Task<JourneyContext> ContractAsync(bool withFakers = false)
    {
        var trip = AirlineSteps.PrepareTrips(_context!, "journey")[1];
        var journey = new JourneyContext(Client, trip, fakers: withFakers ? new AirlineFakers(7) : null);
        await SessionSteps.CreatePurchaseSession(journey);
        await CfarSteps.CreateOffers(journey);
        await CfarSteps.CreateContract(journey);
        return journey;
    }
}
