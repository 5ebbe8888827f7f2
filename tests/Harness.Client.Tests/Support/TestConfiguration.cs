namespace Harness.Client.Tests.Support;

/// <summary>Configuration made in memory, without touching this process's environment.</summary>
public static class TestConfiguration
{
    /// <summary>Keys as the generic host would see them: <c>HARNESS_*</c> at the root, file keys under <c>Harness:</c>.</summary>
    public static IConfiguration With(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(AsPairs(values)).Build();

    public static IEnumerable<KeyValuePair<string, string?>> AsPairs(IEnumerable<(string Key, string Value)> values) =>
        values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value));
}

/// <summary>A pass-through handler that reports each request it sends.</summary>
public sealed class CountingHandler(Action onSend) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        onSend();
        return base.SendAsync(request, cancellationToken);
    }
}
