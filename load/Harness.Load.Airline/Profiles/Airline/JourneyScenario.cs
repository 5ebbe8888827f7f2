using Harness.Client;
using Harness.Scenarios.Model;
using Harness.Scenarios.Steps;
using Harness.TestData;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// The CFAR purchase journey as a weighted mix of paths, each iteration one traveller on the next of Init's prepared
/// trips: browse (session + offers), purchase (+ contract + confirm through update_status) and HTS-merchant purchase
/// (+ contract + payment, which confirms it). Each step is the journey step of the same request
/// (<see cref="SessionSteps"/>, <see cref="CfarSteps"/>) with its checks; a path runs only its own steps.
/// </summary>
internal static class JourneyScenario
{
    public const string Name = "journey";
    public const string BrowseWeightOption = "browse_weight";
    public const string PurchaseWeightOption = "purchase_weight";
    public const string MerchantPurchaseWeightOption = "merchant_purchase_weight";

    public static BuiltInScenario Definition { get; } = new(Name,
        "CFAR journey mix: browse (session+offers), purchase (+contract+confirm), HTS-merchant purchase (+contract+payment).", Create);

    public static ScenarioProps Create(ProfileContext profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.RequireKnownOptions(Name, BrowseWeightOption, PurchaseWeightOption, MerchantPurchaseWeightOption, AirlineSteps.TripsOption);
        var browse = Weight(profile, BrowseWeightOption, 0.6);
        var purchase = Weight(profile, PurchaseWeightOption, 0.3);
        var merchant = Weight(profile, MerchantPurchaseWeightOption, 0.1);
        var total = browse + purchase + merchant;
        if (total <= 0)
            throw new ArgumentException($"profile '{Name}': the weights {BrowseWeightOption}, {PurchaseWeightOption} and {MerchantPurchaseWeightOption} are all 0");

        var client = AirlineSteps.CreateClient(profile);
        IReadOnlyList<PreparedTrip> trips = [];
        return Scenario.Create(Name, async context =>
        {
            var journey = AirlineSteps.JourneyFor(client, trips, context);
            // Weights are shares of the mix; they need not add up to 1.
            var draw = context.Random.NextDouble() * total;
            await Step.Run("create_session", context, () => AirlineSteps.RunAsync(SessionSteps.CreatePurchaseSession, journey));
            var last = await Step.Run("create_cfar_offers", context, () => AirlineSteps.RunAsync(CfarSteps.CreateOffers, journey));
            if (draw < browse)
                return last;
            await Step.Run("create_cfar_contract", context, () => AirlineSteps.RunAsync(CfarSteps.CreateContract, journey));
            return draw < browse + purchase
                ? await Step.Run("confirm_cfar_contract", context, () => AirlineSteps.RunAsync(CfarSteps.ConfirmContract, journey))
                : await Step.Run("process_cfar_payment", context, () => AirlineSteps.RunAsync(CfarSteps.ProcessPayment, journey));
        })
        .WithInit(async init =>
        {
            var ct = init.CancellationToken;
            await AirlineSteps.AuthenticateAsync(client, Name, ct).ConfigureAwait(false);
            var prepared = AirlineSteps.PrepareTrips(profile, Name, init);
            // One unmeasured journey down each purchase path: first-use costs stay out of the numbers.
            await AirlineSteps.PrimeAsync(Name, async () =>
            {
                foreach (var last in new Func<JourneyContext, Task<ApiResponse>>[] { CfarSteps.ConfirmContract, CfarSteps.ProcessPayment })
                {
                    var journey = new JourneyContext(client, prepared[0], ct);
                    await SessionSteps.CreatePurchaseSession(journey).ConfigureAwait(false);
                    await CfarSteps.CreateOffers(journey).ConfigureAwait(false);
                    await CfarSteps.CreateContract(journey).ConfigureAwait(false);
                    await last(journey).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            trips = prepared;
        })
        .WithClean(_ =>
        {
            client.Dispose();
            return Task.CompletedTask;
        });
    }

    private static double Weight(ProfileContext profile, string option, double fallback)
    {
        var weight = profile.Option(option, fallback);
        return weight >= 0 && double.IsFinite(weight)
            ? weight
            : throw new ArgumentException($"profile '{Name}': option {option} must be a number ≥ 0, not {weight}");
    }
}
