using Harness.Client.Models;
using Harness.TestData;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// Event ingestion on pre-created sessions: Init creates <c>sessions</c> sessions (unmeasured), then each iteration
/// posts one event on the next session, round-robin: <c>offers_displayed</c>, or <c>booking_confirmed</c> with share
/// <c>booking_confirmed_weight</c>. POST /events answers 204.
/// </summary>
internal static class EventsScenario
{
    public const string Name = "events";
    public const string SessionsOption = "sessions";
    public const string BookingConfirmedWeightOption = "booking_confirmed_weight";

    public static BuiltInScenario Definition { get; } = new(Name,
        "POST /events (offers_displayed, booking_confirmed) round-robin on sessions created by Init.", Create);

    public static ScenarioProps Create(ProfileContext profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.RequireKnownOptions(Name, SessionsOption, BookingConfirmedWeightOption);
        var sessionCount = profile.Option(SessionsOption, 100);
        if (sessionCount is < 1 or > 10_000 || sessionCount != Math.Floor(sessionCount))
            throw new ArgumentException($"profile '{Name}': option {SessionsOption} must be a whole number from 1 to 10000, not {sessionCount}");
        var bookingWeight = profile.Option(BookingConfirmedWeightOption, 0.3);
        if (bookingWeight is < 0 or > 1 || double.IsNaN(bookingWeight))
            throw new ArgumentException($"profile '{Name}': option {BookingConfirmedWeightOption} must be between 0 and 1, not {bookingWeight}");

        var client = AirlineSteps.CreateClient(profile);
        var now = AirlineFakers.DefaultNow();
        IReadOnlyList<string> sessions = [];
        return Scenario.Create(Name, async context =>
        {
            var session = sessions[(int)((context.InvocationNumber - 1) % sessions.Count)];
            // Spec: occurred_date_time is "the date and time at which an event occurred on a client device": a moment ago.
            var occurred = DateTimeOffset.UtcNow.AddSeconds(-context.Random.Next(1, 60));
            var ct = context.ScenarioCancellationToken;
            // No contract ids on booking_confirmed: the sandbox checks that a given id names a real contract, and these sessions bought none.
            return context.Random.NextDouble() < bookingWeight
                ? await Step.Run("booking_confirmed", context, () => AirlineSteps.CallAsync(() => client.SendEventAsync(session, new BookingConfirmed { OccurredDateTime = occurred }, ct)))
                : await Step.Run("offers_displayed", context, () => AirlineSteps.CallAsync(() => client.SendEventAsync(session, new OffersDisplayed { OccurredDateTime = occurred }, ct)));
        })
        .WithInit(async init =>
        {
            var ct = init.CancellationToken;
            await AirlineSteps.AuthenticateAsync(client, Name, ct).ConfigureAwait(false);
            var created = new List<string>((int)sessionCount);
            await AirlineSteps.PrimeAsync(Name, async () =>
            {
                // The agent's own seed (seed·N + K): each agent of a distributed test draws its own sessions' data.
                var fakers = new AirlineFakers(init.Seed, now);
                for (var i = 0; i < sessionCount; i++)
                {
                    var session = await client.CreateSessionAsync(fakers.CreateAirlineSessionRequest(FlowType.Purchase), ct).ConfigureAwait(false);
                    created.Add(session.RequiredBody.Id);
                }
            }).ConfigureAwait(false);
            sessions = created;
        })
        .WithClean(_ =>
        {
            client.Dispose();
            return Task.CompletedTask;
        });
    }
}
