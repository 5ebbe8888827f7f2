using Harness.Scenarios.Model;

namespace Harness.Scenarios.Journeys;

/// <summary>The journeys that need nothing from their caller: each starts from a fresh context and runs to its end.</summary>
public static class JourneyCatalog
{
    /// <summary>
    /// Every self-contained journey (not <see cref="CfarJourneys.ExerciseExpiredContract"/>, whose caller must hold a
    /// contract and move the clock, nor the parts that other journeys are built from).
    /// </summary>
    public static readonly IReadOnlyList<Journey> SelfContained =
    [
        CfarJourneys.PurchaseAirlineMerchant,
        CfarJourneys.PurchaseHtsMerchant,
        CfarJourneys.PurchaseHtsMerchantDeclined,
        CfarJourneys.CompleteExerciseTwice,
        CfarJourneys.ExerciseUnconfirmedContract,
        CfarJourneys.ChangesAfterBooking,
        CfarJourneys.VoidBeforeConfirmation,
        CfarJourneys.ExternalOffer,
        DgJourneys.PurchaseAirlineMerchant,
        DgJourneys.PurchaseHtsMerchant,
        DgJourneys.PurchaseHtsMerchantDeclined,
        DgJourneys.Changes,
        DgJourneys.QueuedThenFailed,
        DgJourneys.Exercise,
        DgJourneys.ExerciseUnconfirmedContract,
    ];

    /// <summary>The self-contained journeys a real target can run (none that relies on sandbox-only behaviour).</summary>
    public static IReadOnlyList<Journey> RealTarget { get; } =
        [.. SelfContained.Where(journey => !journey.Requirements.HasFlag(JourneyRequirements.Sandbox))];
}
