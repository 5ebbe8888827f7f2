using Harness.Client;
using Harness.Client.Atlas;
using Harness.Client.Configuration;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the typed clients on <c>IHttpClientFactory</c> for partners on the generic host, as <c>AddHttpClient</c>
/// and Refit's <c>AddRefitClient</c> do: the container hands out <see cref="IAirlineApiClient"/> and
/// <see cref="IAtlasClient"/>, every instance on one handler pipeline per API. The returned builder takes the usual
/// additions (<c>AddHttpMessageHandler</c>, resilience handlers).
/// </summary>
public static class HarnessClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAirlineApiClient"/> for the target <see cref="HarnessSettings.Load(IConfiguration)"/> reads
    /// (section <c>"Harness"</c>, overridden by <c>HARNESS_*</c> keys). Without <c>HARNESS_TARGET_URL</c> the client
    /// targets <paramref name="sandboxBaseUrl"/> with the sandbox's public credentials. Throws
    /// <see cref="InvalidOperationException"/> naming the variable to set when a credential or the URL is missing.
    /// </summary>
    public static IHttpClientBuilder AddAirlineApiClient(this IServiceCollection services, IConfiguration configuration, Uri? sandboxBaseUrl = null) =>
        services.AddAirlineApiClient(HarnessSettings.Load(configuration).ToAirlineApiOptions(sandboxBaseUrl));

    /// <summary>
    /// Registers <see cref="IAirlineApiClient"/> for <paramref name="options"/>. Every client the container hands out
    /// shares one bearer token: one <c>POST /auth</c> however many callers. The clock is the container's
    /// <see cref="TimeProvider"/> when one is registered, else <see cref="AirlineApiOptions.TimeProvider"/>.
    /// </summary>
    public static IHttpClientBuilder AddAirlineApiClient(this IServiceCollection services, AirlineApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RefuseHandler(options.HttpMessageHandler, nameof(AirlineApiOptions));

        // One token cache per registration, owned (and disposed) by the container.
        var tokensKey = new object();
        services.AddKeyedSingleton(tokensKey, (provider, _) =>
            new AccessTokenCache(provider.GetService<TimeProvider>() ?? options.TimeProvider, options.TokenRefreshSkew));
        return services
            .AddHttpClient<IAirlineApiClient, AirlineApiClient>((http, provider) =>
                new AirlineApiClient(http, options, provider.GetRequiredKeyedService<AccessTokenCache>(tokensKey)))
            .ConfigurePrimaryHttpMessageHandler(() => AirlineApiClient.CreateHandler(options))
            // The handler's PooledConnectionLifetime already renews connections (DNS); rotating the pipeline as well
            // would only throw away the pool and its MaxConnectionsPerServer cap every two minutes.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Registers <see cref="IAtlasClient"/> for the Atlas target <see cref="HarnessSettings.Load(IConfiguration)"/> reads
    /// (<c>HARNESS_ATLAS_URL</c>, <c>HARNESS_ATLAS_CLIENT_ID</c>, <c>HARNESS_ATLAS_CLIENT_SECRET</c>, or <c>AtlasUrl</c>,
    /// <c>AtlasClientId</c>, <c>AtlasClientSecret</c> in section <c>"Harness"</c>). Throws
    /// <see cref="InvalidOperationException"/> naming the first one missing.
    /// </summary>
    public static IHttpClientBuilder AddAtlasClient(this IServiceCollection services, IConfiguration configuration) =>
        services.AddAtlasClient(HarnessSettings.Load(configuration).ToAtlasClientOptions());

    /// <summary>Registers <see cref="IAtlasClient"/> for <paramref name="options"/>.</summary>
    public static IHttpClientBuilder AddAtlasClient(this IServiceCollection services, AtlasClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RefuseHandler(options.HttpMessageHandler, nameof(AtlasClientOptions));
        return services
            .AddHttpClient<IAtlasClient, AtlasClient>((http, _) => new AtlasClient(http, options))
            .ConfigurePrimaryHttpMessageHandler(AtlasClient.CreateHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    // The factory owns the pipeline; a handler from the options would be shared by every pipeline and disposed by none.
    private static void RefuseHandler(HttpMessageHandler? handler, string optionsName)
    {
        if (handler is not null)
        {
            throw new ArgumentException(
                $"{optionsName}.HttpMessageHandler is not used with IHttpClientFactory: add handlers to the returned IHttpClientBuilder "
                + "(AddHttpMessageHandler, ConfigurePrimaryHttpMessageHandler) instead.",
                nameof(handler));
        }
    }
}
