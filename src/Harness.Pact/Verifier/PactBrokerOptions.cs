using System.Text.Json;

namespace Harness.Pact.Verifier;

/// <summary>How pacts are fetched from a Pact Broker and whether results are published back.</summary>
public sealed class PactBrokerOptions
{
    internal List<string> Selectors { get; } = [];

    internal List<string> Tags { get; } = [];

    internal string? Token { get; private set; }

    internal string? Username { get; private set; }

    internal string? Password { get; private set; }

    internal bool Pending { get; private set; }

    internal DateOnly? WipSince { get; private set; }

    internal string? Branch { get; private set; }

    internal PactPublishOptions? Publish { get; private set; }

    /// <summary>Consumer version selectors, each a JSON object, e.g. <c>{"mainBranch": true}</c>.</summary>
    public PactBrokerOptions ConsumerVersionSelectors(params string[] selectorsJson)
    {
        ArgumentNullException.ThrowIfNull(selectorsJson);
        foreach (var selector in selectorsJson)
        {
            using var document = ParseSelector(selector);
            Selectors.Add(document.RootElement.GetRawText());
        }

        return this;
    }

    /// <summary>Consumer version selectors as objects, serialised with camelCase names as the broker wants.</summary>
    public PactBrokerOptions ConsumerVersionSelectors(params object[] selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        var camelCase = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return ConsumerVersionSelectors(selectors.Select(selector => JsonSerializer.Serialize(selector, selector.GetType(), camelCase)).ToArray());
    }

    /// <summary>Bearer token for the broker. Never logged.</summary>
    public PactBrokerOptions TokenAuthentication(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Token = token;
        return this;
    }

    public PactBrokerOptions BasicAuthentication(string username, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentNullException.ThrowIfNull(password);
        Username = username;
        Password = password;
        return this;
    }

    /// <summary>Pending pacts: failures of pacts this provider has never verified do not fail the build.</summary>
    public PactBrokerOptions EnablePending()
    {
        Pending = true;
        return this;
    }

    /// <summary>Also verify work-in-progress pacts published since <paramref name="since"/>.</summary>
    public PactBrokerOptions IncludeWipPactsSince(DateOnly since)
    {
        WipSince = since;
        return this;
    }

    /// <summary>
    /// The provider's branch, used by the broker to work out pending and WIP pacts, and the branch published results are
    /// recorded under unless <see cref="PactPublishOptions.ProviderBranch"/> says otherwise.
    /// </summary>
    public PactBrokerOptions ProviderBranch(string branch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        Branch = branch;
        return this;
    }

    public PactBrokerOptions ProviderTags(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        Tags.AddRange(tags);
        return this;
    }

    /// <summary>Publish verification results under the verifier's provider version.</summary>
    public PactBrokerOptions PublishResults(Action<PactPublishOptions>? configure = null)
    {
        var publish = new PactPublishOptions();
        configure?.Invoke(publish);
        Publish = publish;
        return this;
    }

    private static JsonDocument ParseSelector(string selector)
    {
        try
        {
            var document = JsonDocument.Parse(selector);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The consumer version selector '{selector}' is not valid JSON: {exception.Message}", nameof(selector), exception);
        }

        throw new ArgumentException($"The consumer version selector '{selector}' must be a JSON object.", nameof(selector));
    }
}

/// <summary>How verification results are published to the broker.</summary>
public sealed class PactPublishOptions
{
    internal string? Branch { get; private set; }

    internal Uri? BuildUri { get; private set; }

    internal List<string> Tags { get; } = [];

    /// <summary>The branch results are recorded under; defaults to <see cref="PactBrokerOptions.ProviderBranch"/>.</summary>
    public PactPublishOptions ProviderBranch(string branch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        Branch = branch;
        return this;
    }

    /// <summary>Link to the CI build that produced the results.</summary>
    public PactPublishOptions BuildUrl(Uri buildUri)
    {
        ArgumentNullException.ThrowIfNull(buildUri);
        BuildUri = buildUri;
        return this;
    }

    public PactPublishOptions ProviderTags(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        Tags.AddRange(tags);
        return this;
    }
}
