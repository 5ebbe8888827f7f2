using Harness.Client.Models;
using Harness.TestData;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// Event ingestion on pre-created sessions: Init creates <c>sessions</c> sessions (unmeasured), then each iteration
/// posts one event on the next session, round-robin: <c>offers_displayed</c>, or <c>booking_confirmed</c> with share
/// <c>booking_confirmed_weight</c>. POST /events answers 204.
/// </summary>
internal sealed class EventsProfile : ILoadProfile
{
    public const string SessionsOption = "sessions";
    public const string BookingConfirmedWeightOption = "booking_confirmed_weight";

    public string Name => "events";

    public string Description => "POST /events (offers_displayed, booking_confirmed) round-robin on sessions created by Init.";

    public ScenarioDefinition CreateScenario(ProfileContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireKnownOptions(Name, SessionsOption, BookingConfirmedWeightOption);
        var sessionCount = context.Option(SessionsOption, 100);
        if (sessionCount is < 1 or > 10_000 || sessionCount != Math.Floor(sessionCount))
            throw new ArgumentException($"profile '{Name}': option {SessionsOption} must be a whole number from 1 to 10000, not {sessionCount}");
        var bookingWeight = context.Option(BookingConfirmedWeightOption, 0.3);
        if (bookingWeight is < 0 or > 1 || double.IsNaN(bookingWeight))
            throw new ArgumentException($"profile '{Name}': option {BookingConfirmedWeightOption} must be between 0 and 1, not {bookingWeight}");

        var client = AirlineSteps.CreateClient(context);
        var now = AirlineFakers.DefaultNow();

        // Spec: occurred_date_time is "the date and time at which an event occurred on a client device": a moment ago.
        static DateTimeOffset OccurredJustNow(StepContext step) => DateTimeOffset.UtcNow.AddSeconds(-step.Random.Next(1, 60));

        string SessionFor(StepContext step)
        {
            var sessions = step.Data<IReadOnlyList<string>>();
            return sessions[(int)(step.Iteration % sessions.Count)];
        }

        return new ScenarioDefinition(Name,
        [
            new LoadStep("offers_displayed", step =>
            {
                var state = step.State<EventIteration>();
                state.IsBookingConfirmed = step.Random.NextDouble() < bookingWeight;
                if (state.IsBookingConfirmed)
                    return ValueTask.FromResult(StepResult.Skip);
                Event evt = new OffersDisplayed { OccurredDateTime = OccurredJustNow(step) };
                return AirlineSteps.CallAsync(() => client.SendEventAsync(SessionFor(step), evt, step.CancellationToken));
            }),
            new LoadStep("booking_confirmed", step =>
            {
                if (!step.State<EventIteration>().IsBookingConfirmed)
                    return ValueTask.FromResult(StepResult.Skip);
                // No contract ids: the sandbox checks that a given id names a real contract, and these sessions bought none.
                Event evt = new BookingConfirmed { OccurredDateTime = OccurredJustNow(step) };
                return AirlineSteps.CallAsync(() => client.SendEventAsync(SessionFor(step), evt, step.CancellationToken));
            }),
        ])
        {
            Init = async ct =>
            {
                await AirlineSteps.AuthenticateAsync(client, Name, ct).ConfigureAwait(false);
                var sessions = new List<string>((int)sessionCount);
                await AirlineSteps.PrimeAsync(Name, async () =>
                {
                    var fakers = new AirlineFakers(context.Seed, now);
                    for (var i = 0; i < sessionCount; i++)
                    {
                        var session = await client.CreateSessionAsync(fakers.CreateAirlineSessionRequest(FlowType.Purchase), ct).ConfigureAwait(false);
                        sessions.Add(session.RequiredBody.Id);
                    }
                }).ConfigureAwait(false);
                return sessions;
            },
            Clean = () =>
            {
                client.Dispose();
                return ValueTask.CompletedTask;
            },
        };
    }

    private sealed class EventIteration
    {
        public bool IsBookingConfirmed { get; set; }
    }
}
