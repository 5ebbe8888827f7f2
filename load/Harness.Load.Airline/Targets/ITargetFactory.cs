namespace Harness.Load.Targets;

/// <summary>
/// Resolves where a run sends its load. The CLI's default resolves --target; the coordinator plugs in one that starts
/// the sandbox in-process when no --target is given.
/// </summary>
public interface ITargetFactory
{
    /// <param name="requested">The --target URL, or null when none was given.</param>
    Task<LoadTarget> ResolveAsync(Uri? requested, CancellationToken cancellationToken);
}

/// <summary>A resolved target; disposing it stops anything the factory started for it.</summary>
public sealed class LoadTarget(Uri baseUrl, Uri? airlineBaseUrl = null, Func<ValueTask>? stop = null) : IAsyncDisposable
{
    public Uri BaseUrl { get; } = WithTrailingSlash(baseUrl);

    /// <summary>The Airline API's base when it differs from <see cref="BaseUrl"/> (the sandbox serves both).</summary>
    public Uri? AirlineBaseUrl { get; } = airlineBaseUrl is null ? null : WithTrailingSlash(airlineBaseUrl);

    public ValueTask DisposeAsync() => stop?.Invoke() ?? ValueTask.CompletedTask;

    /// <summary>So that relative paths resolve under the base's path instead of replacing its last segment.</summary>
    private static Uri WithTrailingSlash(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/" + uri.Query);
    }
}

/// <summary>No target could be resolved; the message says what to pass.</summary>
public sealed class TargetUnavailableException(string message) : Exception(message);

/// <summary>Uses --target as given; without one there is nothing to load yet.</summary>
internal sealed class UrlTargetFactory : ITargetFactory
{
    public Task<LoadTarget> ResolveAsync(Uri? requested, CancellationToken cancellationToken) =>
        requested is null
            ? throw new TargetUnavailableException("no target: pass --target URL (e.g. --target http://127.0.0.1:5080)")
            : Task.FromResult(new LoadTarget(requested));
}
