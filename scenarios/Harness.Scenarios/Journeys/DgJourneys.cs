using Harness.Scenarios.Model;
using Harness.Scenarios.Steps;

namespace Harness.Scenarios.Journeys;

/// <summary>The Disruption Guarantee partner journeys, from the spec's DG tag and the guide's §6.3, with negative variants.</summary>
public static class DgJourneys
{
    private static readonly Step[] UpToCreatedContract =
    [
        SessionSteps.CreatePurchaseSessionStep,
        SessionSteps.OffersDisplayedStep,
        DgSteps.CreateOffersStep,
        DgSteps.CreateContractStep,
    ];

    public static readonly Journey PurchaseAirlineMerchant = new(
        "DG purchase, airline is merchant of record",
        [
            .. UpToCreatedContract,
            DgSteps.ConfirmContractStep,
            SessionSteps.BookingConfirmedStep,
            DgSteps.GetConfirmedContractStep,
        ],
        JourneyRequirements.PaidContracts);

    public static readonly Journey PurchaseHtsMerchant = new(
        "DG purchase, HTS is merchant of record",
        [
            .. UpToCreatedContract,
            DgSteps.ProcessPaymentStep,
            SessionSteps.BookingConfirmedStep,
            DgSteps.GetConfirmedContractStep,
        ],
        JourneyRequirements.PaidContracts);

    public static readonly Journey PurchaseHtsMerchantDeclined = new(
        "DG purchase, HTS is merchant of record, payment declined",
        [
            .. UpToCreatedContract,
            DgSteps.ProcessDeclinedPaymentStep,
            DgSteps.GetCreatedContractStep,
        ],
        JourneyRequirements.Sandbox);

    /// <summary>
    /// A schedule change, then asynchronous confirmation (hopper-airlines-guide.md §6.3, inferred: created → queued → confirmed), then
    /// cancellation; a canceled contract takes no more slice changes.
    /// </summary>
    public static readonly Journey Changes = new(
        "DG changes: slices, queued, confirmed, canceled",
        [
            .. UpToCreatedContract,
            DgSteps.UpdateItinerarySlicesStep,
            DgSteps.QueueContractStep,
            DgSteps.ConfirmContractStep,
            DgSteps.GetConfirmedContractStep,
            DgSteps.CancelContractStep,
            DgSteps.UpdateItinerarySlicesStep.Expecting(StepOutcome.Error(422, "contract_closed"), "update DG itinerary slices after cancellation (refused)"),
        ],
        JourneyRequirements.PaidContracts);

    /// <summary>Queued processing that fails (created → queued → failed); a failed contract cannot be confirmed.</summary>
    public static readonly Journey QueuedThenFailed = new(
        "DG queued then failed",
        [
            .. UpToCreatedContract,
            DgSteps.QueueContractStep,
            DgSteps.FailContractStep,
            DgSteps.ConfirmContractStep.Expecting(StepOutcome.Error(422, "illegal_transition"), "confirm a failed DG contract (refused)"),
        ]);

    /// <summary>Purchase, then an exercise after a disruption, the exercise's session looked up by exercise id, and its payout receipt.</summary>
    public static readonly Journey Exercise = new(
        "DG exercise and session lookup",
        [
            .. PurchaseAirlineMerchant.Steps,
            DgSteps.CreateExerciseStep,
            DgSteps.GetExerciseSessionStep,
            DgSteps.GetPayoutReceiptStep,
        ],
        JourneyRequirements.PaidContracts);

    /// <summary>Ineligible: a DG contract that was never confirmed cannot be exercised.</summary>
    public static readonly Journey ExerciseUnconfirmedContract = new(
        "DG exercise of a contract that is not confirmed",
        [
            .. UpToCreatedContract,
            DgSteps.CreateExerciseStep.Expecting(StepOutcome.Error(422, "not_confirmed"), "create DG exercise (refused: not confirmed)"),
        ]);
}
