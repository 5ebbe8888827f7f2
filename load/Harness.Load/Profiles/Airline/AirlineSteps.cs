using Harness.Client;
using Harness.Client.Configuration;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// What the Airline API profiles share: one <see cref="AirlineApiClient"/> per run on the run's connection pool, a warm
/// token before the first measured call, and the mapping from a call's outcome to a <see cref="StepResult"/>.
/// </summary>
internal static class AirlineSteps
{
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
