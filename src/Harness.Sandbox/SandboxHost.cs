using System.Net;
using Harness.Sandbox.Api;
using Harness.Sandbox.Atlas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harness.Sandbox;

/// <summary>A sandbox on its own Kestrel server on loopback, for tests, scenarios and load runs.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <summary>Where the Atlas notifications API is served, beside the airline API.</summary>
    public const string AtlasBasePath = "/atlas";

    private SandboxHost(WebApplication app, AirlineSandbox sandbox, AtlasSandbox atlas, Uri baseUrl)
    {
        _app = app;
        Sandbox = sandbox;
        Atlas = atlas;
        BaseUrl = baseUrl;
        AirlineBaseUrl = new Uri(baseUrl, SandboxEndpoints.AirlineBasePath.TrimStart('/') + "/");
        AtlasBaseUrl = new Uri(baseUrl, AtlasBasePath.TrimStart('/') + "/");
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUrl { get; }

    /// <summary>http://127.0.0.1:PORT/airline/v1.1/</summary>
    public Uri AirlineBaseUrl { get; }

    /// <summary>http://127.0.0.1:PORT/atlas/</summary>
    public Uri AtlasBaseUrl { get; }

    public AirlineSandbox Sandbox { get; }

    /// <summary>The Atlas notifications sandbox (incidents, webhooks, provider states).</summary>
    public AtlasSandbox Atlas { get; }

    public SandboxState State => Sandbox.State;

    public FaultInjector Faults => Sandbox.Faults;

    public static async Task<SandboxHost> StartAsync(SandboxOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SandboxOptions();
        if (!IPAddress.TryParse(options.Host, out var address))
        {
            throw new ArgumentException($"Host must be an IP address such as 127.0.0.1, not '{options.Host}'.", nameof(options));
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port must be between 0 and 65535, not {options.Port}.", nameof(options));
        }

        var sandbox = new AirlineSandbox(options);
        var atlas = new AtlasSandbox(options.Atlas);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxHost).Assembly.GetName().Name });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Port));
        builder.Logging.ClearProviders();
        if (!options.Quiet)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        var app = builder.Build();
        app.UseMiddleware<BadRequestGuard>();
        app.MapAirlineSandbox(sandbox);
        app.MapAtlasSandbox(atlas, AtlasBasePath);
        app.MapSandboxAdmin(sandbox, atlas);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            atlas.Dispose();
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, sandbox, atlas, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    internal IServiceProvider Services => _app.Services;

    /// <summary>
    /// The app's request pipeline as Kestrel runs it (routing, the guard, the endpoint), to send requests through in
    /// process (<see cref="OfferBench"/>).
    /// </summary>
    internal RequestDelegate BuildPipeline()
    {
        var pipeline = ((IApplicationBuilder)_app).New();
        pipeline.UseRouting();
        pipeline.UseMiddleware<BadRequestGuard>();
        pipeline.UseEndpoints(endpoints =>
        {
            foreach (var source in ((IEndpointRouteBuilder)_app).DataSources)
            {
                endpoints.DataSources.Add(source);
            }
        });
        return pipeline.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Atlas.Dispose();
    }

    /// <summary>
    /// The last line of defence for bad input: a request Kestrel cannot read (oversized, truncated) is a 400 with the
    /// spec's bad_request body, never a 500.
    /// </summary>
    private sealed class BadRequestGuard(RequestDelegate next)
    {
        public async Task InvokeAsync(HttpContext http)
        {
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException error) when (!http.Response.HasStarted)
            {
                await SandboxEndpoints.WriteErrorAsync(http, ApiException.BadRequest("body", "bad_request", error.Message));
            }
        }
    }
}
