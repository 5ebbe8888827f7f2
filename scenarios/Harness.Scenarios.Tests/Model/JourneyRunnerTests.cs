namespace Harness.Scenarios.Tests.Model;

public sealed class JourneyRunnerTests(SandboxFixture fixture, ITestOutputHelper output) : IClassFixture<SandboxFixture>
{
    private static readonly Journey ConfirmAfterVoid = new(
        "confirm after void",
        [
            SessionSteps.CreatePurchaseSessionStep,
            CfarSteps.CreateOffersStep,
            CfarSteps.CreateContractStep,
            CfarSteps.VoidContractStep,
            CfarSteps.ConfirmContractStep,
            CfarSteps.GetConfirmedContractStep,
        ]);

    [Fact]
    public async Task RunAsync_WhenStepGetsUnexpectedStatus_FailureNamesJourneyStepExpectedActualAndSeed()
    {
        var context = fixture.Target.NewContext(1234);

        var result = await fixture.Target.CreateRunner(output.WriteLine).RunAsync(ConfirmAfterVoid, context);

        result.Succeeded.Should().BeFalse();
        result.Steps.Should().HaveCount(5, "the runner stops at the first failed step");
        var failure = result.Failure!;
        failure.StepNumber.Should().Be(5);
        failure.Message.Should()
            .Contain("Journey 'confirm after void'")
            .And.Contain("step 5 'update CFAR status to confirmed (airline is merchant of record)'")
            .And.Contain("expected 200")
            .And.Contain("actual 422 illegal_transition")
            .And.Contain("Reproduce with HARNESS_SEED=1234");
        failure.Cause.Should().BeOfType<Harness.Client.AirlineApiException>();
    }

    [Fact]
    public async Task RunOrThrowAsync_WhenStepFails_ThrowsWithMessageAndTranscript()
    {
        var context = fixture.Target.NewContext(99);

        var act = () => fixture.Target.CreateRunner(output.WriteLine).RunOrThrowAsync(ConfirmAfterVoid, context);

        var thrown = await act.Should().ThrowAsync<JourneyFailedException>();
        thrown.Which.Message.Should().StartWith("Journey 'confirm after void' failed at step 5")
            .And.Contain("HARNESS_SEED=99")
            .And.Contain("PUT /cfar_contracts/" + context.CfarContract!.Id + "/update_status -> 422");
        thrown.Which.Failure!.StepName.Should().Be(CfarSteps.ConfirmContractStep.Name);
    }

    [Fact]
    public async Task RunAsync_WhenErrorExpectedButRequestSucceeds_Fails()
    {
        var journey = new Journey("session expected to be refused", [SessionSteps.CreatePurchaseSessionStep.Expecting(StepOutcome.Error(422, "duplicate"))]);

        var (result, _) = await fixture.RunAsync(journey, output);

        result.Failure!.Expected.Should().Be("422 duplicate");
        result.Failure.Actual.Should().Be("201");
    }

    [Fact]
    public async Task RunAsync_WhenErrorCodeDiffers_Fails()
    {
        var journey = new Journey(
            "void refused for the wrong reason",
            [
                .. CfarJourneys.VoidBeforeConfirmation.Steps.Take(5),
                CfarSteps.ConfirmContractStep.Expecting(StepOutcome.Error(422, "not_confirmed")),
            ]);

        var (result, _) = await fixture.RunAsync(journey, output);

        result.Failure!.Expected.Should().Be("422 not_confirmed");
        result.Failure.Actual.Should().StartWith("422 illegal_transition");
    }

    [Fact]
    public async Task RunAsync_WhenContextLacksEarlierResult_FailureNamesWhatIsMissing()
    {
        var journey = new Journey("contract without offer", [CfarSteps.CreateContractStep]);

        var (result, _) = await fixture.RunAsync(journey, output);

        result.Failure!.Actual.Should().Contain("No CFAR offer in the journey context");
        result.Steps[0].Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_EachStep_RecordsItsOwnCalls()
    {
        var (result, _) = await fixture.RunAsync(CfarJourneys.VoidBeforeConfirmation, output);

        var offers = result.Steps[2].Calls.Should().ContainSingle().Which;
        offers.OperationId.Should().Be("postCfar_offers");
        offers.Method.Should().Be("POST");
        offers.Path.Should().Be("/cfar_offers");
        offers.StatusCode.Should().Be(201);
        result.Steps[^1].Calls.Should().ContainSingle().Which.StatusCode.Should().Be(422);
    }

    [Fact]
    public async Task RunAsync_StepLogs_NeverContainSecretOrBearerToken()
    {
        var token = (await fixture.Target.Client.AuthenticateAsync()).RequiredBody.AccessToken;
        var lines = new List<string>();
        var context = fixture.Target.NewContext(7);
        var runner = fixture.Target.CreateRunner(line =>
        {
            lines.Add(line);
            output.WriteLine(line);
        });

        var passed = await runner.RunAsync(CfarJourneys.PurchaseAndExercise, context);
        var failed = await runner.RunAsync(ConfirmAfterVoid, fixture.Target.NewContext(8));

        passed.Succeeded.Should().BeTrue(passed.Failure?.Message);
        failed.Succeeded.Should().BeFalse();
        var everything = string.Join('\n', lines) + passed.Transcript() + failed.Transcript() + failed.Failure!.Message;
        everything.Should().Contain("Authorization=***", "the bearer header is logged, masked");
        everything.Should().NotContain(token);
        everything.Should().NotContain(HarnessSettings.SandboxClientSecret);
    }

    [Fact]
    public async Task RunAsync_WithSecretsOption_MasksThemInLogsAndFailures()
    {
        var lines = new List<string>();
        var runner = new JourneyRunner(new JourneyRunnerOptions { Log = lines.Add, Secrets = ["illegal_transition"] });

        var result = await runner.RunAsync(ConfirmAfterVoid, fixture.Target.NewContext(5));

        result.Failure!.Actual.Should().StartWith("422 ***");
        lines.Should().NotContain(l => l.Contains("illegal_transition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PaidJourneyWithoutOptIn_IsRefusedBeforeAnyRequest()
    {
        var before = fixture.Target.Sandbox!.State.Counts();
        var runner = new JourneyRunner(new JourneyRunnerOptions { AllowPaidJourneys = false, IsSandbox = false });

        var act = () => runner.RunAsync(CfarJourneys.PurchaseAirlineMerchant, fixture.Target.NewContext(3));

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("HARNESS_ALLOW_PAID_JOURNEYS=true");
        fixture.Target.Sandbox.State.Counts().Should().Be(before);
    }

    [Fact]
    public async Task RunAsync_SandboxOnlyJourneyOnRealTarget_IsRefused()
    {
        var runner = new JourneyRunner(new JourneyRunnerOptions { AllowPaidJourneys = true, IsSandbox = false });

        var act = () => runner.RunAsync(DgJourneys.PurchaseHtsMerchantDeclined, fixture.Target.NewContext(4));

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("sandbox-only");
    }

    [Fact]
    public async Task NewContext_SameSeed_GeneratesSameRequests()
    {
        var first = fixture.Target.NewContext(42);
        var second = fixture.Target.NewContext(42);

        await fixture.Target.CreateRunner(output.WriteLine).RunOrThrowAsync(CfarJourneys.VoidBeforeConfirmation, first);
        await fixture.Target.CreateRunner(output.WriteLine).RunOrThrowAsync(CfarJourneys.VoidBeforeConfirmation, second);

        second.Trip.Should().BeEquivalentTo(first.Trip);
        second.CfarOffer!.PremiumValue.Should().Be(first.CfarOffer!.PremiumValue);
        second.CfarContract!.Id.Should().NotBe(first.CfarContract!.Id, "ids are the server's");
        first.CfarContract.Status.Should().Be(CfarStatus.Voided);
    }
}
