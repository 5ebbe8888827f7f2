using System.Text;

namespace Harness.Scenarios.Tests.Journeys;

public sealed class CfarExerciseTests(SandboxFixture fixture, ITestOutputHelper output) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task PurchaseAndExercise_OnSandbox_CompletesWithinCoverageAndServesReceipt()
    {
        var context = await fixture.RunToSuccessAsync(CfarJourneys.PurchaseAndExercise, output);

        var exercise = context.CfarExercise!;
        exercise.ContractId.Should().Be(context.CfarContract!.Id);
        exercise.CashRefundAllowanceValue.Should().BeLessThanOrEqualTo(context.CfarContract.CoverageValue);
        fixture.Target.Sandbox!.State.IsCfarExerciseCompleted(exercise.Id).Should().BeTrue();
        context.PayoutReceipt!.ContentType.Should().StartWith("application/pdf");
        var text = Encoding.Latin1.GetString(context.PayoutReceipt.Content);
        text.Should().Contain(exercise.Id).And.Contain(AirlineAmount.Format(context.CfarRefundAmount!.Value));
    }

    [Fact]
    public async Task ExerciseUnconfirmedContract_OnSandbox_IsRefusedWith422()
    {
        var exercisesBefore = fixture.Target.Sandbox!.State.Counts().CfarExercises;

        var context = await fixture.RunToRefusalAsync(CfarJourneys.ExerciseUnconfirmedContract, output, "422 not_confirmed");

        context.CfarExercise.Should().BeNull();
        fixture.Target.Sandbox.State.Counts().CfarExercises.Should().Be(exercisesBefore);
    }

    [Fact]
    public async Task ExerciseExpiredContract_AfterClockPassesExpiry_IsRefusedWith422()
    {
        var clock = fixture.Target.Clock!;
        var context = await fixture.RunToSuccessAsync(CfarJourneys.PurchaseAirlineMerchant, output);
        try
        {
            clock.AdvancePast(context.CfarContract!.ExpiryDateTime);

            await fixture.RunToRefusalAsync(CfarJourneys.ExerciseExpiredContract, output, "422 contract_expired", context);

            context.CfarExercise.Should().BeNull();
        }
        finally
        {
            clock.Reset();
        }
    }

    [Fact]
    public async Task ExerciseExpiredContract_BeforeExpiry_FailsBecauseExerciseIsAccepted()
    {
        var context = await fixture.RunToSuccessAsync(CfarJourneys.PurchaseAirlineMerchant, output);

        var (result, _) = await fixture.RunAsync(CfarJourneys.ExerciseExpiredContract, output, context);

        result.Succeeded.Should().BeFalse("the contract has not expired yet, so the exercise is granted");
        result.Failure!.Expected.Should().Be("422 contract_expired");
        result.Failure.Actual.Should().Be("201");
    }

    [Fact]
    public async Task CompleteExerciseTwice_OnSandbox_SecondCompletionIsRefused()
    {
        var context = await fixture.RunToRefusalAsync(CfarJourneys.CompleteExerciseTwice, output, "422 already_completed");

        fixture.Target.Sandbox!.State.IsCfarExerciseCompleted(context.CfarExercise!.Id).Should().BeTrue();
    }
}
