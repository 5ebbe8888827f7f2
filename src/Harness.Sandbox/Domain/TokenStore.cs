using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Harness.Sandbox.Domain;

internal sealed record IssuedToken(string ClientId, IReadOnlySet<string> Products, DateTimeOffset ExpiresAt);

/// <summary>Opaque random bearer tokens. Expired tokens are purged as new ones are issued, so memory stays bounded.</summary>
internal sealed class TokenStore(TimeProvider clock, int capacity)
{
    /// <summary>The client id of tokens registered by the "a valid token exists" provider state.</summary>
    public const string ProviderStateClient = "provider-state";

    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public string Issue(SandboxClient client, TimeSpan lifetime)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        if (_tokens.Count >= capacity)
        {
            Purge();
        }

        _tokens[token] = new IssuedToken(client.ClientId, client.Products.ToHashSet(StringComparer.Ordinal), clock.GetUtcNow() + lifetime);
        return token;
    }

    /// <summary>Accepts a caller-chosen token (a pact's fixed bearer token) for the given products.</summary>
    public void Register(string token, string clientId, IEnumerable<string> products, TimeSpan lifetime) =>
        _tokens[token] = new IssuedToken(clientId, products.ToHashSet(StringComparer.Ordinal), clock.GetUtcNow() + lifetime);

    /// <summary>Drops the tokens provider states registered; tokens issued by POST /auth stay valid.</summary>
    public void ForgetRegistered()
    {
        foreach (var (key, issued) in _tokens)
        {
            if (issued.ClientId == ProviderStateClient)
            {
                _tokens.TryRemove(key, out _);
            }
        }
    }

    public IssuedToken? Find(string token) =>
        _tokens.TryGetValue(token, out var issued) && issued.ExpiresAt > clock.GetUtcNow() ? issued : null;

    private void Purge()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, issued) in _tokens)
        {
            if (issued.ExpiresAt <= now)
            {
                _tokens.TryRemove(key, out _);
            }
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
