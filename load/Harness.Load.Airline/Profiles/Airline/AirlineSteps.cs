using System.Globalization;
using Harness.Client;
using Harness.Client.Configuration;
using Harness.Scenarios.Model;
using Harness.TestData;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// What the Airline API profiles share: one <see cref="AirlineApiClient"/> per run on the run's connection pool, a warm
/// token before the first measured call, and the mapping from a call's outcome to a step's response.
/// </summary>
internal static class AirlineSteps
{
    /// <summary>How many distinct faker trips a profile's Init generates; iteration i uses trip i mod N.</summary>
    public const string TripsOption = "trips";

    /// <summary>
    /// The run's one typed client, built on <see cref="ProfileContext.Handler"/> so that the profile's calls share the
    /// run's pool (and its deliberate connection cap) instead of opening one per iteration. Credentials come from
    /// HARNESS_CLIENT_ID / HARNESS_CLIENT_SECRET (or appsettings.json), the sandbox's by default.
    /// </summary>
    public static AirlineApiClient CreateClient(ProfileContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = HarnessSettings.Load();
        return new AirlineApiClient(new AirlineApiOptions
        {
            BaseUrl = AirlineBaseUrl(context),
            ClientId = settings.ClientId,
            ClientSecret = settings.ClientSecret,
            HttpMessageHandler = context.Handler,
            MaxConnectionsPerServer = context.MaxConnectionsPerServer,
            Timeout = context.RequestTimeout,
        });
    }

    /// <summary>
    /// The sandbox says where its Airline API lives; a --target already under /airline/ (the spec's server is
    /// https://airlines-api.hopper.com/airline/v1.1) is used as given; any other --target gets airline/v1.1/ appended.
    /// </summary>
    public static Uri AirlineBaseUrl(ProfileContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.AirlineTarget is { } airline)
            return airline;
        return context.Target.AbsolutePath.Contains("/airline/", StringComparison.Ordinal)
            ? context.Target
            : new Uri(context.Target, "airline/v1.1/");
    }

    /// <summary>POST /auth once before the run, so no measured call pays for the token.</summary>
    public static async Task AuthenticateAsync(AirlineApiClient client, string profile, CancellationToken cancellationToken)
    {
        try
        {
            await client.AuthenticateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AirlineApiException or HttpRequestException)
        {
            throw new InvalidOperationException($"profile '{profile}' could not authenticate (POST /auth): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Runs one API call as a step: ok with its status code when it succeeded, fail with the error status when the API
    /// refused it. A transport failure (refused, timed out) propagates and Step.Run counts it as a failed step.
    /// </summary>
    public static async Task<Response<ApiResponse>> CallAsync<TResponse>(Func<Task<TResponse>> call)
        where TResponse : ApiResponse
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return Outcome(await call().ConfigureAwait(false));
        }
        catch (AirlineApiException ex)
        {
            return Response.Fail<ApiResponse>(statusCode: Status(ex.StatusCode), message: ex.Message);
        }
    }

    /// <summary>
    /// Runs one journey step (<c>CfarSteps</c>, <c>SessionSteps</c>, <c>DgSteps</c>) as a measured step: ok with its status
    /// code when the call succeeded and its answer passed the step's checks, fail with the error status when the API
    /// refused it. A failed check (<see cref="StepCheckException"/>: a wrong premium, status or PNR) propagates, and
    /// Step.Run counts it as a failed step under its exception name, as it does a transport failure.
    /// </summary>
    public static async Task<Response<ApiResponse>> RunAsync(Func<JourneyContext, Task<ApiResponse>> step, JourneyContext journey)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(journey);
        try
        {
            return Outcome(await step(journey).ConfigureAwait(false));
        }
        catch (AirlineApiException ex)
        {
            return Response.Fail<ApiResponse>(statusCode: Status(ex.StatusCode), message: ex.Message);
        }
    }

    /// <summary>A "validated but not performed" 204 leaves nothing to continue the iteration with: a failure.</summary>
    private static Response<ApiResponse> Outcome(ApiResponse response) =>
        response.NotPerformed
            ? Response.Fail(payload: response, statusCode: Status(response.StatusCode), message: "validated but not performed")
            : Response.Ok(payload: response, statusCode: Status(response.StatusCode));

    private static string Status(int code) => code.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The profile's trips with their request bodies, prepared in Init (unmeasured) by one faker seeded from the run
    /// seed, so a run is reproducible. Not one faker per iteration: constructing Bogus's Faker costs about 3 ms of CPU,
    /// more than the call under test, and a generator that spends its CPU on test data measures itself, not the target.
    /// </summary>
    public static IReadOnlyList<PreparedTrip> PrepareTrips(ProfileContext context, string profile)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = context.Option(TripsOption, 1000);
        if (count is < 1 or > 100_000 || count != Math.Floor(count))
            throw new ArgumentException($"profile '{profile}': option {TripsOption} must be a whole number from 1 to 100000, not {count}");
        return PreparedTrip.Generate(new AirlineFakers(context.Seed, AirlineFakers.DefaultNow()), (int)count);
    }

    /// <summary>
    /// This agent's trips, from the scenario's Init: drawn with the agent's own seed (<see cref="IScenarioInitContext.Seed"/>,
    /// seed·N + K), and every session id the client chooses (the offers' inline sessions) replaced by one of
    /// <see cref="AgentIds"/>, which carries the agent index, so no two agents of a test send the same one.
    /// </summary>
    public static IReadOnlyList<PreparedTrip> PrepareTrips(ProfileContext context, string profile, IScenarioInitContext init)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(init);
        var ids = AgentIds.For(init);
        return PrepareTrips(context with { Seed = init.Seed }, profile).Select(t => ForAgent(t, ids)).ToArray();
    }

    /// <summary>The trip with its client-chosen session ids from <paramref name="ids"/> (the server-assigned ones stay unset).</summary>
    public static PreparedTrip ForAgent(PreparedTrip trip, AgentIds ids)
    {
        ArgumentNullException.ThrowIfNull(trip);
        ArgumentNullException.ThrowIfNull(ids);
        return trip with
        {
            CfarOffers = trip.CfarOffers.Session is { SessionId: not null } cfar ? trip.CfarOffers with { Session = cfar with { SessionId = ids.Next() } } : trip.CfarOffers,
            DgOffers = trip.DgOffers.Session is { SessionId: not null } dg ? trip.DgOffers with { Session = dg with { SessionId = ids.Next() } } : trip.DgOffers,
        };
    }

    /// <summary>
    /// A journey context for this iteration on the next of Init's prepared trips (round-robin), sending their bodies
    /// through the run's one client: no faker, no per-iteration test data beyond the context itself.
    /// </summary>
    public static JourneyContext JourneyFor(AirlineApiClient client, IReadOnlyList<PreparedTrip> trips, IScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(trips);
        ArgumentNullException.ThrowIfNull(context);
        if (trips.Count == 0)
            throw new InvalidOperationException("no prepared trips: the scenario's Init did not run");
        return new JourneyContext(client, trips[(int)((context.InvocationNumber - 1) % trips.Count)], context.ScenarioCancellationToken);
    }

    /// <summary>Runs a profile's unmeasured priming calls; a failure there is a setup error naming the profile.</summary>
    public static async Task PrimeAsync(string profile, Func<Task> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        try
        {
            await calls().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AirlineApiException or HttpRequestException or InvalidOperationException or StepCheckException)
        {
            throw new InvalidOperationException($"profile '{profile}': the Init step's calls failed, so the run would measure only errors: {ex.Message}", ex);
        }
    }
}
