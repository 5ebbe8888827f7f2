using Harness.Client.Models;

namespace Harness.Client;

/// <summary>
/// One bearer token shared by every concurrent caller; refreshed once, by whoever finds it stale, while the others wait.
/// The DI registration shares one cache between all the typed clients it hands out, so the fetch comes
/// with each call: whichever client finds the token stale posts /auth for all of them.
/// </summary>
internal sealed class AccessTokenCache : IDisposable
{
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly TimeProvider _clock;
    private readonly TimeSpan _skew;
    private CachedToken? _current;

    public AccessTokenCache(TimeProvider clock, TimeSpan skew)
    {
        this._clock = clock;
        this._skew = skew;
    }

    public async Task<string> GetAsync(Func<CancellationToken, Task<AuthResponse>> fetch, CancellationToken cancellationToken)
    {
        var token = Volatile.Read(ref _current);
        if (IsFresh(token))
        {
            return token!.AccessToken;
        }

        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            token = Volatile.Read(ref _current);
            if (IsFresh(token))
            {
                return token!.AccessToken;
            }

            var response = await fetch(cancellationToken);
            return Store(response).AccessToken;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public CachedToken Store(AuthResponse response)
    {
        var lifetime = TimeSpan.FromSeconds(Math.Max(0, response.ExpiresIn));
        // Short-lived tokens would otherwise be stale on arrival and refreshed on every call.
        var effectiveSkew = _skew < lifetime / 2 ? _skew : lifetime / 2;
        var token = new CachedToken(response.AccessToken, _clock.GetUtcNow() + lifetime - effectiveSkew);
        Volatile.Write(ref _current, token);
        return token;
    }

    /// <summary>Forget a token the server rejected (401), so the next call fetches a new one.</summary>
    public void Invalidate(string rejectedToken)
    {
        var token = Volatile.Read(ref _current);
        if (token is not null && token.AccessToken == rejectedToken)
        {
            Interlocked.CompareExchange(ref _current, null, token);
        }
    }

    public void Dispose() => _refreshGate.Dispose();

    private bool IsFresh(CachedToken? token) => token is not null && _clock.GetUtcNow() < token.RefreshAt;

    internal sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt)
    {
        public override string ToString() => $"CachedToken {{ RefreshAt = {RefreshAt:O} }}";
    }
}
