using Harness.Client;
using Harness.Client.Configuration;
using Harness.Client.Models;
using Harness.TestData;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// What the Airline API profiles share: one <see cref="AirlineApiClient"/> per run on the run's connection pool, a warm
/// token before the first measured call, and the mapping from a call's outcome to a <see cref="StepResult"/>.
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
    /// Runs one API call as a step: its status code when it succeeded, the error status when the API refused it. A
    /// transport failure (refused, timed out) propagates and the engine counts it as a failed step without a response.
    /// </summary>
    public static async ValueTask<StepResult> CallAsync<TResponse>(Func<Task<TResponse>> call, Action<TResponse>? keep = null)
        where TResponse : ApiResponse
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            var response = await call().ConfigureAwait(false);
            // A "validated but not performed" 204 leaves nothing to continue the iteration with.
            if (response.NotPerformed)
                return StepResult.Fail(response.StatusCode);
            keep?.Invoke(response);
            return StepResult.Ok(response.StatusCode);
        }
        catch (AirlineApiException ex)
        {
            return StepResult.Fail(ex.StatusCode);
        }
    }

    /// <summary>
    /// The profile's trips, generated in Init (unmeasured) by one faker seeded from the run seed, so a run is reproducible.
    /// Not one faker per iteration: constructing Bogus's Faker costs about 3 ms of CPU, more than the call under test,
    /// and a generator that spends its CPU on test data measures itself rather than the target.
    /// </summary>
    public static IReadOnlyList<T> GenerateTrips<T>(ProfileContext context, string profile, Func<AirlineFakers, Trip, T> make)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(make);
        var count = context.Option(TripsOption, 1000);
        if (count is < 1 or > 100_000 || count != Math.Floor(count))
            throw new ArgumentException($"profile '{profile}': option {TripsOption} must be a whole number from 1 to 100000, not {count}");
        var fakers = new AirlineFakers(context.Seed, AirlineFakers.DefaultNow());
        var trips = new T[(int)count];
        for (var i = 0; i < trips.Length; i++)
            trips[i] = make(fakers, fakers.Trip());
        return trips;
    }

    /// <summary>The trip of this iteration: round-robin over the pool Init generated.</summary>
    public static T TripFor<T>(StepContext step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var trips = step.Data<IReadOnlyList<T>>();
        return trips[(int)(step.Iteration % trips.Count)];
    }

    /// <summary>
    /// The trip's session request for this iteration. A pooled trip is used more than once, and a session_id the
    /// airline supplies must be new each time (the API refuses a known one), so it gets one drawn from the iteration's
    /// seeded Random.
    /// </summary>
    public static CreateAirlineSessionRequest SessionFor(CreateAirlineSessionRequest template, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(step);
        if (template.SessionId is null)
            return template;
        Span<byte> bytes = stackalloc byte[16];
        step.Random.NextBytes(bytes);
        return template with { SessionId = new Guid(bytes).ToString() };
    }

    /// <summary>Runs a profile's unmeasured priming calls; a failure there is a setup error naming the profile.</summary>
    public static async Task PrimeAsync(string profile, Func<Task> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        try
        {
            await calls().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AirlineApiException or HttpRequestException or InvalidOperationException)
        {
            throw new InvalidOperationException($"profile '{profile}': the Init step's calls failed, so the run would measure only errors: {ex.Message}", ex);
        }
    }
}
