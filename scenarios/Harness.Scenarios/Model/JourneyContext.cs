using Harness.Client;
using Harness.Client.Models;
using Harness.TestData;

namespace Harness.Scenarios.Model;

/// <summary>
/// What the steps of one journey hand to each other: the client, where request bodies come from (seeded fakers, or a
/// <see cref="PreparedTrip"/> generated ahead), and every id and body a later step needs. One context per journey run
/// (or per virtual user iteration); not thread-safe.
/// </summary>
public sealed class JourneyContext
{
    private readonly AirlineFakers? _fakers;
    private Trip? _trip;

    public JourneyContext(AirlineApiClient client, AirlineFakers fakers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fakers);
        Client = client;
        this._fakers = fakers;
        CancellationToken = cancellationToken;
    }

    /// <summary>
    /// A context whose purchase steps send <paramref name="prepared"/>'s bodies and construct no faker (see
    /// <see cref="PreparedTrip"/> for the steps covered). Steps outside those use <paramref name="fakers"/>, and fail
    /// naming what is missing when there are none.
    /// </summary>
    public JourneyContext(AirlineApiClient client, PreparedTrip prepared, CancellationToken cancellationToken = default, AirlineFakers? fakers = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prepared);
        Client = client;
        Prepared = prepared;
        _trip = prepared.Trip;
        this._fakers = fakers;
        CancellationToken = cancellationToken;
    }

    public AirlineApiClient Client { get; }

    /// <summary>The fakers the steps draw bodies from; an error naming the fix when the context was created without any.</summary>
    public AirlineFakers Fakers => _fakers ?? throw new InvalidOperationException(
        "This journey context was created from a prepared trip without fakers, and this step needs one: create the context with an AirlineFakers too.");

    /// <summary>The bodies generated ahead, when the context was created from a <see cref="PreparedTrip"/>; they win over the fakers.</summary>
    public PreparedTrip? Prepared { get; }

    /// <summary>The faker seed: with <c>HARNESS_SEED</c> set to it, the same requests are generated again.</summary>
    public int Seed => _fakers?.Seed ?? Prepared!.Seed;

    public CancellationToken CancellationToken { get; }

    /// <summary>The traveller's trip every itinerary of the journey is projected from (generated on first use, or the prepared one).</summary>
    public Trip Trip
    {
        get => _trip ??= Fakers.Trip();
        set => _trip = value;
    }

    /// <summary>The purchase session (<c>POST /sessions</c> or the offers' <c>HTS-Session-ID</c>).</summary>
    public string? SessionId { get; set; }

    /// <summary>The exercise session sent as <c>HC-Session-ID</c> with the CFAR exercise.</summary>
    public string? ExerciseSessionId { get; set; }

    /// <summary>Sent to <c>POST …/payment</c> when set; otherwise the faker's random (accepted) token.</summary>
    public string? PaymentToken { get; set; }

    /// <summary>A payment token the target always declines (the sandbox's); null on a real target.</summary>
    public string? DeclinedPaymentToken { get; set; }

    /// <summary>The last payment's <c>succeeded</c>.</summary>
    public bool? PaymentSucceeded { get; set; }

    public IReadOnlyList<CfarOffer>? CfarOffers { get; set; }

    /// <summary>The offer the traveller picked.</summary>
    public CfarOffer? CfarOffer { get; set; }

    public CfarContract? CfarContract { get; set; }

    public CfarContractExercise? CfarExercise { get; set; }

    /// <summary>What mark_completed was asked to pay out.</summary>
    public decimal? CfarRefundAmount { get; set; }

    public PayoutReceipt? PayoutReceipt { get; set; }

    public IReadOnlyList<CreateDgOfferItemResponse>? DgOffers { get; set; }

    public CreateDgOfferItemResponse? DgOffer { get; set; }

    public DgContract? DgContract { get; set; }

    public CreateDgContractExerciseResponse? DgExercise { get; set; }

    /// <summary>The <c>HTS-Session-ID</c> the DG exercise answered with.</summary>
    public string? DgExerciseSessionId { get; set; }

    /// <summary>Which of <paramref name="count"/> choices the traveller makes: fixed by the seed, so a rerun picks the same.</summary>
    public int Pick(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)((uint)Seed % (uint)count);
    }

    /// <summary>The value an earlier step should have stored, or an error naming it.</summary>
    public static T Require<T>(T? value, string name)
        where T : class =>
        value ?? throw new InvalidOperationException($"No {name} in the journey context: an earlier step must create it first.");
}
