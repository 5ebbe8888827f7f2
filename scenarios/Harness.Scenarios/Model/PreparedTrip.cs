using Harness.Client.Models;
using Harness.TestData;

namespace Harness.Scenarios.Model;

/// <summary>
/// A trip with the request bodies of the purchase steps generated ahead of time, so that a
/// <see cref="JourneyContext"/> created from it runs those steps without any faker. For load iterations: constructing
/// Bogus's Faker costs about 3 ms of CPU, more than the call under test, and <see cref="AirlineFakers"/> is not
/// thread-safe, so a load profile prepares its trips once (unmeasured) and hands one to each iteration.
/// </summary>
/// <remarks>
/// Covered: <c>SessionSteps.CreatePurchaseSession</c>, <c>CfarSteps.CreateOffers</c>, <c>CreateContract</c>,
/// <c>ConfirmContract</c>, <c>ProcessPayment</c> and <c>DgSteps.CreateOffers</c>. Any other step needs a context with
/// fakers. The bodies are immutable and may be shared by concurrent iterations.
/// </remarks>
/// <param name="Seed">The seed of the fakers that generated it (what <see cref="JourneyContext.Pick"/> draws from).</param>
/// <param name="PurchaseSession">The <c>POST /sessions</c> body, flow_type purchase, without session_id (the server assigns it).</param>
/// <param name="CfarConfirmation">
/// <c>update_status</c> confirmed; its PNR is also the contract's <c>pnr_reference</c> (the booking's PNR, known at purchase).
/// </param>
public sealed record PreparedTrip(
    int Seed,
    Trip Trip,
    CreateAirlineSessionRequest PurchaseSession,
    CreateCfarOfferRequest CfarOffers,
    UpdateCfarContractRequest CfarConfirmation,
    ProcessCfarPaymentRequest CfarPayment,
    CreateDgOffersRequest DgOffers)
{
    /// <summary>Draws the next trip and its bodies from <paramref name="fakers"/>.</summary>
    public static PreparedTrip Generate(AirlineFakers fakers)
    {
        ArgumentNullException.ThrowIfNull(fakers);
        var trip = fakers.Trip();
        return new PreparedTrip(
            fakers.Seed,
            trip,
            fakers.CreateAirlineSessionRequest(FlowType.Purchase) with { SessionId = null },
            fakers.CreateCfarOfferRequest(trip),
            fakers.UpdateCfarContractRequest(CfarStatus.Confirmed, trip),
            fakers.ProcessCfarPaymentRequest(),
            fakers.CreateDgOffersRequest(trip));
    }

    /// <summary><paramref name="count"/> trips from one faker: the same seed and date give the same trips.</summary>
    public static IReadOnlyList<PreparedTrip> Generate(AirlineFakers fakers, int count)
    {
        ArgumentNullException.ThrowIfNull(fakers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var trips = new PreparedTrip[count];
        for (var i = 0; i < trips.Length; i++)
        {
            trips[i] = Generate(fakers);
        }

        return trips;
    }
}
