using Harness.Scenarios.Model;
using Harness.Scenarios.Steps;

namespace Harness.Scenarios.Journeys;

/// <summary>The CFAR partner journeys, from the spec's CFAR tag ("Purchase flow", "Exercise flow"), with negative variants.</summary>
public static class CfarJourneys
{
    private static readonly Step[] UpToCreatedContract =
    [
        SessionSteps.CreatePurchaseSessionStep,
        SessionSteps.OffersDisplayedStep,
        CfarSteps.CreateOffersStep,
        CfarSteps.CreateContractStep,
    ];

    /// <summary>Airline is merchant of record: it captures the whole payment, then sets the contract to confirmed.</summary>
    public static readonly Journey PurchaseAirlineMerchant = new(
        "CFAR purchase, airline is merchant of record",
        [
            .. UpToCreatedContract,
            CfarSteps.ConfirmContractStep,
            SessionSteps.BookingConfirmedStep,
            CfarSteps.GetConfirmedContractStep,
        ],
        JourneyRequirements.PaidContracts);

    /// <summary>HTS is merchant of record: the airline asks HTS to capture the CFAR fee with a payment token.</summary>
    public static readonly Journey PurchaseHtsMerchant = new(
        "CFAR purchase, HTS is merchant of record",
        [
            .. UpToCreatedContract,
            CfarSteps.ProcessPaymentStep,
            SessionSteps.BookingConfirmedStep,
            CfarSteps.GetConfirmedContractStep,
        ],
        JourneyRequirements.PaidContracts);

    /// <summary>HTS is merchant of record and the token is declined: succeeded false, the contract stays created.</summary>
    public static readonly Journey PurchaseHtsMerchantDeclined = new(
        "CFAR purchase, HTS is merchant of record, payment declined",
        [
            .. UpToCreatedContract,
            CfarSteps.ProcessDeclinedPaymentStep,
            CfarSteps.GetCreatedContractStep,
        ],
        JourneyRequirements.Sandbox);

    /// <summary>Exercise of the contract in the context (confirmed by an earlier journey): allowances, completion, receipt.</summary>
    public static readonly Journey ExerciseConfirmedContract = new(
        "CFAR exercise",
        [
            SessionSteps.CreateCfarExerciseSessionStep,
            CfarSteps.CreateExerciseStep,
            CfarSteps.MarkExerciseCompletedStep,
            CfarSteps.GetPayoutReceiptStep,
        ],
        JourneyRequirements.PaidContracts);

    /// <summary>Purchase then exercise, as one journey.</summary>
    public static readonly Journey PurchaseAndExercise = new(
        "CFAR purchase and exercise",
        [.. PurchaseAirlineMerchant.Steps, .. ExerciseConfirmedContract.Steps],
        JourneyRequirements.PaidContracts);

    /// <summary>Ineligible: a contract that was never confirmed cannot be exercised (422).</summary>
    public static readonly Journey ExerciseUnconfirmedContract = new(
        "CFAR exercise of a contract that is not confirmed",
        [
            .. UpToCreatedContract,
            SessionSteps.CreateCfarExerciseSessionStep,
            CfarSteps.CreateExerciseStep.Expecting(StepOutcome.Error(422, "not_confirmed"), "create CFAR exercise (refused: not confirmed)"),
        ]);

    /// <summary>Ineligible: exercise of the context's contract after its expiry (the caller moves the clock past it).</summary>
    public static readonly Journey ExerciseExpiredContract = new(
        "CFAR exercise of an expired contract",
        [
            SessionSteps.CreateCfarExerciseSessionStep,
            CfarSteps.CreateExerciseStep.Expecting(StepOutcome.Error(422, "contract_expired"), "create CFAR exercise (refused: expired)"),
        ]);

    /// <summary>Ineligible: completing the same exercise twice (422 the second time).</summary>
    public static readonly Journey CompleteExerciseTwice = new(
        "CFAR exercise completed twice",
        [
            .. PurchaseAndExercise.Steps,
            CfarSteps.MarkExerciseCompletedStep.Expecting(StepOutcome.Error(422, "already_completed"), "mark CFAR exercise completed again (refused)"),
        ],
        JourneyRequirements.PaidContracts);

    /// <summary>After booking: forms of payment, a schedule change, then cancellation; a closed contract takes no more changes.</summary>
    public static readonly Journey ChangesAfterBooking = new(
        "CFAR changes after booking",
        [
            .. PurchaseAirlineMerchant.Steps,
            CfarSteps.UpdateFormsOfPaymentStep,
            CfarSteps.UpdateItinerarySlicesStep,
            CfarSteps.CancelContractStep,
            CfarSteps.UpdateFormsOfPaymentStep.Expecting(StepOutcome.Error(422, "contract_closed"), "update CFAR forms of payment after cancellation (refused)"),
        ],
        JourneyRequirements.PaidContracts);

    /// <summary>A booking abandoned before payment: the created contract is voided and can no longer be confirmed.</summary>
    public static readonly Journey VoidBeforeConfirmation = new(
        "CFAR contract voided before confirmation",
        [
            .. UpToCreatedContract,
            CfarSteps.VoidContractStep,
            CfarSteps.ConfirmContractStep.Expecting(StepOutcome.Error(422, "illegal_transition"), "confirm a voided CFAR contract (refused)"),
        ]);

    /// <summary>Data migration: an offer priced elsewhere is imported, then contracted and confirmed.</summary>
    public static readonly Journey ExternalOffer = new(
        "External CFAR offer (data migration)",
        [
            SessionSteps.CreatePurchaseSessionStep,
            CfarSteps.CreateExternalOfferStep,
            CfarSteps.CreateContractStep,
            CfarSteps.ConfirmContractStep,
            CfarSteps.GetConfirmedContractStep,
        ],
        JourneyRequirements.PaidContracts);
}
