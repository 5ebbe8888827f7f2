using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Pact.Verifier;

/// <summary>How pacts are fetched from a Pact Broker and results published back: PactNet's <c>IPactBrokerOptions</c>.</summary>
public interface IPactBrokerOptions
{
    IPactBrokerOptions BasicAuthentication(string username, string password);

    /// <summary>Bearer token for the broker. Never logged.</summary>
    IPactBrokerOptions TokenAuthentication(string token);

    /// <summary>Pending pacts: failures of pacts this provider has never verified do not fail the build.</summary>
    IPactBrokerOptions EnablePending();

    /// <summary>The provider's branch (for pending and WIP pacts, and the branch results are recorded under).</summary>
    IPactBrokerOptions ProviderBranch(string branch);

    IPactBrokerOptions ProviderTags(params string[] tags);

    /// <summary>Consumer versions by tag (prefer <see cref="ConsumerVersionSelectors(ConsumerVersionSelector[])"/>).</summary>
    IPactBrokerOptions ConsumerTags(params string[] tags);

    IPactBrokerOptions ConsumerVersionSelectors(ICollection<ConsumerVersionSelector> selectors);

    IPactBrokerOptions ConsumerVersionSelectors(params ConsumerVersionSelector[] selectors);

    /// <summary>Also verify work-in-progress pacts published since <paramref name="date"/>.</summary>
    IPactBrokerOptions IncludeWipPactsSince(DateTime date);

    /// <summary>Publish verification results under <paramref name="providerVersion"/>.</summary>
    IPactBrokerOptions PublishResults(string providerVersion);

    IPactBrokerOptions PublishResults(string providerVersion, Action<IPactBrokerPublishOptions> configure);

    /// <summary>Publish results only when <paramref name="condition"/> holds (e.g. only in CI).</summary>
    IPactBrokerOptions PublishResults(bool condition, string providerVersion);

    IPactBrokerOptions PublishResults(bool condition, string providerVersion, Action<IPactBrokerPublishOptions> configure);
}

/// <summary>How verification results are published: PactNet's <c>IPactBrokerPublishOptions</c>.</summary>
public interface IPactBrokerPublishOptions
{
    IPactBrokerPublishOptions ProviderTags(params string[] tags);

    /// <summary>The branch results are recorded under; defaults to the source's provider branch.</summary>
    IPactBrokerPublishOptions ProviderBranch(string branch);

    /// <summary>Link to the CI build that produced the results.</summary>
    IPactBrokerPublishOptions BuildUri(Uri uri);
}

/// <summary>Which consumer versions' pacts the broker returns: PactNet's <c>ConsumerVersionSelector</c>.</summary>
/// <remarks>See https://docs.pact.io/pact_broker/advanced_topics/consumer_version_selectors.</remarks>
public class ConsumerVersionSelector
{
    public bool MainBranch { get; set; }

    public bool MatchingBranch { get; set; }

    public string? Branch { get; set; }

    public string? FallbackBranch { get; set; }

    public string? Tag { get; set; }

    public string? FallbackTag { get; set; }

    public bool Deployed { get; set; }

    public bool Released { get; set; }

    public bool DeployedOrReleased { get; set; }

    public string? Environment { get; set; }

    public bool? Latest { get; set; }
}

/// <summary>
/// The broker options <see cref="PactVerifier.WithPactBrokerSource(Uri, Action{PactBrokerOptions})"/> configures:
/// every member of <see cref="IPactBrokerOptions"/>, plus Harness's selectors as JSON and publishing under the
/// verifier's own provider version.
/// </summary>
public sealed class PactBrokerOptions : IPactBrokerOptions
{
    private static readonly JsonSerializerOptions SelectorJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    internal List<string> Selectors { get; } = [];

    internal List<string> Tags { get; } = [];

    internal List<string> ConsumerVersionTags { get; } = [];

    internal string? Token { get; private set; }

    internal string? Username { get; private set; }

    internal string? Password { get; private set; }

    internal bool Pending { get; private set; }

    internal DateOnly? WipSince { get; private set; }

    internal string? Branch { get; private set; }

    internal PactPublishOptions? Publish { get; private set; }

    /// <summary>Harness: consumer version selectors, each a JSON object, e.g. <c>{"mainBranch": true}</c>.</summary>
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

    /// <summary>Harness: consumer version selectors as any objects, serialised with camelCase names as the broker wants.</summary>
    public PactBrokerOptions ConsumerVersionSelectors(params object[] selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        var camelCase = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return ConsumerVersionSelectors(selectors.Select(selector => JsonSerializer.Serialize(selector, selector.GetType(), camelCase)).ToArray());
    }

    public PactBrokerOptions ConsumerVersionSelectors(params ConsumerVersionSelector[] selectors) =>
        ConsumerVersionSelectors((ICollection<ConsumerVersionSelector>)selectors);

    public PactBrokerOptions ConsumerVersionSelectors(ICollection<ConsumerVersionSelector> selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        return ConsumerVersionSelectors(selectors.Select(selector => JsonSerializer.Serialize(selector, SelectorJson)).ToArray());
    }

    public PactBrokerOptions ConsumerTags(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ConsumerVersionTags.AddRange(tags);
        return this;
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

    /// <summary>Harness: also verify work-in-progress pacts published since <paramref name="since"/>.</summary>
    public PactBrokerOptions IncludeWipPactsSince(DateOnly since)
    {
        WipSince = since;
        return this;
    }

    public PactBrokerOptions IncludeWipPactsSince(DateTime date) => IncludeWipPactsSince(DateOnly.FromDateTime(date));

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

    /// <summary>Harness: publish verification results under the verifier's provider version (its constructor's).</summary>
    public PactBrokerOptions PublishResults(Action<PactPublishOptions>? configure = null)
    {
        var publish = new PactPublishOptions(version: null);
        configure?.Invoke(publish);
        Publish = publish;
        return this;
    }

    public PactBrokerOptions PublishResults(string providerVersion) => PublishResults(true, providerVersion, _ => { });

    public PactBrokerOptions PublishResults(string providerVersion, Action<IPactBrokerPublishOptions> configure) =>
        PublishResults(true, providerVersion, configure);

    public PactBrokerOptions PublishResults(bool condition, string providerVersion) => PublishResults(condition, providerVersion, _ => { });

    public PactBrokerOptions PublishResults(bool condition, string providerVersion, Action<IPactBrokerPublishOptions> configure)
    {
        Publish = PactPublishOptions.When(condition, providerVersion, configure) ?? Publish;
        return this;
    }

    IPactBrokerOptions IPactBrokerOptions.BasicAuthentication(string username, string password) => BasicAuthentication(username, password);

    IPactBrokerOptions IPactBrokerOptions.TokenAuthentication(string token) => TokenAuthentication(token);

    IPactBrokerOptions IPactBrokerOptions.EnablePending() => EnablePending();

    IPactBrokerOptions IPactBrokerOptions.ProviderBranch(string branch) => ProviderBranch(branch);

    IPactBrokerOptions IPactBrokerOptions.ProviderTags(params string[] tags) => ProviderTags(tags);

    IPactBrokerOptions IPactBrokerOptions.ConsumerTags(params string[] tags) => ConsumerTags(tags);

    IPactBrokerOptions IPactBrokerOptions.ConsumerVersionSelectors(ICollection<ConsumerVersionSelector> selectors) => ConsumerVersionSelectors(selectors);

    IPactBrokerOptions IPactBrokerOptions.ConsumerVersionSelectors(params ConsumerVersionSelector[] selectors) => ConsumerVersionSelectors(selectors);

    IPactBrokerOptions IPactBrokerOptions.IncludeWipPactsSince(DateTime date) => IncludeWipPactsSince(date);

    IPactBrokerOptions IPactBrokerOptions.PublishResults(string providerVersion) => PublishResults(providerVersion);

    IPactBrokerOptions IPactBrokerOptions.PublishResults(string providerVersion, Action<IPactBrokerPublishOptions> configure) =>
        PublishResults(providerVersion, configure);

    IPactBrokerOptions IPactBrokerOptions.PublishResults(bool condition, string providerVersion) => PublishResults(condition, providerVersion);

    IPactBrokerOptions IPactBrokerOptions.PublishResults(bool condition, string providerVersion, Action<IPactBrokerPublishOptions> configure) =>
        PublishResults(condition, providerVersion, configure);

    internal string? WipSinceText => WipSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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

/// <summary>How verification results are published to the broker (<see cref="IPactBrokerPublishOptions"/> and Harness's names).</summary>
public sealed class PactPublishOptions : IPactBrokerPublishOptions
{
    internal PactPublishOptions(string? version)
    {
        Version = version;
    }

    /// <summary>The provider version given to PublishResults; null: the verifier's own.</summary>
    internal string? Version { get; }

    internal string? Branch { get; private set; }

    internal Uri? Build { get; private set; }

    internal List<string> Tags { get; } = [];

    /// <summary>The branch results are recorded under; defaults to <see cref="PactBrokerOptions.ProviderBranch"/>.</summary>
    public PactPublishOptions ProviderBranch(string branch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        Branch = branch;
        return this;
    }

    /// <summary>Link to the CI build that produced the results.</summary>
    public PactPublishOptions BuildUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        Build = uri;
        return this;
    }

    /// <summary>Harness's name for <see cref="BuildUri"/>.</summary>
    public PactPublishOptions BuildUrl(Uri buildUri) => BuildUri(buildUri);

    public PactPublishOptions ProviderTags(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        Tags.AddRange(tags);
        return this;
    }

    IPactBrokerPublishOptions IPactBrokerPublishOptions.ProviderTags(params string[] tags) => ProviderTags(tags);

    /// <summary>PactNet's PublishResults(condition, providerVersion, configure): the options, or null when not publishing.</summary>
    internal static PactPublishOptions? When(bool condition, string providerVersion, Action<IPactBrokerPublishOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerVersion);
        ArgumentNullException.ThrowIfNull(configure);
        if (!condition)
        {
            return null;
        }

        var publish = new PactPublishOptions(providerVersion);
        configure(publish);
        return publish;
    }

    IPactBrokerPublishOptions IPactBrokerPublishOptions.ProviderBranch(string branch) => ProviderBranch(branch);

    IPactBrokerPublishOptions IPactBrokerPublishOptions.BuildUri(Uri uri) => BuildUri(uri);
}

/// <summary>Access to a pact fetched by URI, and publishing results for it: PactNet's <c>IPactUriOptions</c>.</summary>
public interface IPactUriOptions
{
    IPactUriOptions BasicAuthentication(string username, string password);

    IPactUriOptions TokenAuthentication(string token);

    IPactUriOptions PublishResults(string providerVersion);

    IPactUriOptions PublishResults(string providerVersion, Action<IPactBrokerPublishOptions> configure);

    IPactUriOptions PublishResults(bool condition, string providerVersion);

    IPactUriOptions PublishResults(bool condition, string providerVersion, Action<IPactBrokerPublishOptions> configure);
}

internal sealed class PactUriOptions : IPactUriOptions
{
    internal string? Token { get; private set; }

    internal string? Username { get; private set; }

    internal string? Password { get; private set; }

    internal PactPublishOptions? Publish { get; private set; }

    public IPactUriOptions BasicAuthentication(string username, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentNullException.ThrowIfNull(password);
        Username = username;
        Password = password;
        return this;
    }

    public IPactUriOptions TokenAuthentication(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Token = token;
        return this;
    }

    public IPactUriOptions PublishResults(string providerVersion) => PublishResults(true, providerVersion, _ => { });

    public IPactUriOptions PublishResults(string providerVersion, Action<IPactBrokerPublishOptions> configure) => PublishResults(true, providerVersion, configure);

    public IPactUriOptions PublishResults(bool condition, string providerVersion) => PublishResults(condition, providerVersion, _ => { });

    public IPactUriOptions PublishResults(bool condition, string providerVersion, Action<IPactBrokerPublishOptions> configure)
    {
        Publish = PactPublishOptions.When(condition, providerVersion, configure) ?? Publish;
        return this;
    }
}
