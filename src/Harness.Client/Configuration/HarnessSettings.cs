using System.Globalization;
using System.Text.Json;
using Harness.Client.Atlas;
using Harness.Client.Logging;
using Microsoft.Extensions.Configuration;

namespace Harness.Client.Configuration;

/// <summary>
/// The harness configuration, in one place: optional <c>appsettings.json</c> (section <c>"Harness"</c>) in the working
/// directory, overridden by <c>HARNESS_*</c> environment variables. No target URL means the embedded sandbox. On the
/// generic host the same two sources arrive as one <see cref="IConfiguration"/>: <see cref="Load(IConfiguration)"/>.
/// </summary>
public sealed class HarnessSettings
{
    /// <summary>The sandbox's public client, used when no real target is configured (<see cref="SandboxCredentials"/>).</summary>
    public const string SandboxClientId = SandboxCredentials.ClientId;

    public const string SandboxClientSecret = SandboxCredentials.ClientSecret;

    public const string SettingsFileName = "appsettings.json";

    public const string TargetUrlVariable = "HARNESS_TARGET_URL";
    public const string ClientIdVariable = "HARNESS_CLIENT_ID";
    public const string ClientSecretVariable = "HARNESS_CLIENT_SECRET";
    public const string SeedVariable = "HARNESS_SEED";
    public const string TimeoutSecondsVariable = "HARNESS_TIMEOUT_SECONDS";
    public const string MaxConnectionsVariable = "HARNESS_MAX_CONNECTIONS";
    public const string AtlasUrlVariable = "HARNESS_ATLAS_URL";
    public const string AtlasClientIdVariable = "HARNESS_ATLAS_CLIENT_ID";
    public const string AtlasClientSecretVariable = "HARNESS_ATLAS_CLIENT_SECRET";

    /// <summary>The configuration section the settings file's keys live under.</summary>
    public const string SectionName = "Harness";

    /// <summary>The real target's base URL; null means the embedded sandbox.</summary>
    public Uri? TargetUrl { get; init; }

    public bool IsSandbox => TargetUrl is null;

    public string ClientId { get; init; } = SandboxClientId;

    /// <summary>Never printed by <see cref="ToString"/>.</summary>
    public string ClientSecret { get; init; } = SandboxClientSecret;

    /// <summary>Faker seed; null lets each run pick one (and report it).</summary>
    public int? Seed { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxConnectionsPerServer { get; init; } = 256;

    /// <summary>Atlas's base URL (the <c>*.do</c> paths hang off it); null when Atlas is not configured.</summary>
    public Uri? AtlasUrl { get; init; }

    public string? AtlasClientId { get; init; }

    /// <summary>Never printed by <see cref="ToString"/>.</summary>
    public string? AtlasClientSecret { get; init; }

    /// <summary>Loads from the process environment and <c>appsettings.json</c> in the current directory.</summary>
    public static HarnessSettings Load() =>
        Load(Directory.GetCurrentDirectory(), name => Environment.GetEnvironmentVariable(name));

    /// <summary>
    /// Loads from <paramref name="directory"/>'s <c>appsettings.json</c> (if present) and <paramref name="environment"/>.
    /// Throws <see cref="InvalidOperationException"/> naming the variable to fix.
    /// </summary>
    public static HarnessSettings Load(string directory, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(environment);
        var file = ReadFile(Path.Combine(directory, SettingsFileName));
        return Load(environment, key => file.TryGetValue(key, out var value) ? value : null);
    }

    /// <summary>
    /// Loads from a host's configuration: <c>HARNESS_*</c> keys at the root (the generic host maps environment variables
    /// there) override the keys of the <c>"Harness"</c> section (<c>appsettings.json</c>), with the same rules and errors
    /// as <see cref="Load(string, Func{string, string?})"/>.
    /// </summary>
    public static HarnessSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        return Load(variable => configuration[variable], key => section[key]);
    }

    private static HarnessSettings Load(Func<string, string?> environment, Func<string, string?> file)
    {
        string? Get(string variable, string key)
        {
            var fromEnvironment = environment(variable);
            var fromFile = file(key);
            return !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment.Trim()
                : !string.IsNullOrWhiteSpace(fromFile) ? fromFile.Trim()
                : null;
        }

        var target = ParseTarget(Get(TargetUrlVariable, "TargetUrl"));
        var clientId = Get(ClientIdVariable, "ClientId");
        var clientSecret = Get(ClientSecretVariable, "ClientSecret");
        if (target is not null)
        {
            // A real target never silently falls back to the sandbox credentials.
            if (clientId is null)
            {
                throw new InvalidOperationException($"{ClientIdVariable} is not set (required when {TargetUrlVariable} points at a real target).");
            }

            if (clientSecret is null)
            {
                throw new InvalidOperationException($"{ClientSecretVariable} is not set (required when {TargetUrlVariable} points at a real target).");
            }
        }

        return new HarnessSettings
        {
            TargetUrl = target,
            ClientId = clientId ?? SandboxClientId,
            ClientSecret = clientSecret ?? SandboxClientSecret,
            Seed = ParseInt(Get(SeedVariable, "Seed"), SeedVariable, int.MinValue),
            Timeout = TimeSpan.FromSeconds(ParseInt(Get(TimeoutSecondsVariable, "TimeoutSeconds"), TimeoutSecondsVariable, 1) ?? 30),
            MaxConnectionsPerServer = ParseInt(Get(MaxConnectionsVariable, "MaxConnections"), MaxConnectionsVariable, 1) ?? 256,
            AtlasUrl = ParseUrl(Get(AtlasUrlVariable, "AtlasUrl"), AtlasUrlVariable),
            AtlasClientId = Get(AtlasClientIdVariable, "AtlasClientId"),
            AtlasClientSecret = Get(AtlasClientSecretVariable, "AtlasClientSecret"),
        };
    }

    /// <summary>Client options for this target; <paramref name="sandboxBaseUrl"/> is where the embedded sandbox listens.</summary>
    public AirlineApiOptions ToAirlineApiOptions(Uri? sandboxBaseUrl = null) => new()
    {
        BaseUrl = TargetUrl ?? sandboxBaseUrl
            ?? throw new InvalidOperationException($"{TargetUrlVariable} is not set, so the sandbox's base URL must be passed in."),
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        Timeout = Timeout,
        MaxConnectionsPerServer = MaxConnectionsPerServer,
    };

    /// <summary>
    /// Atlas client options; Atlas has no embedded default, so a missing URL or credential throws
    /// <see cref="InvalidOperationException"/> naming the variable to set.
    /// </summary>
    public AtlasClientOptions ToAtlasClientOptions() => new()
    {
        BaseUrl = AtlasUrl ?? throw new InvalidOperationException($"{AtlasUrlVariable} is not set (Atlas's base URL, e.g. https://sandbox.atriptech.com/)."),
        ClientId = AtlasClientId ?? throw new InvalidOperationException($"{AtlasClientIdVariable} is not set (sent as {AtlasClient.ClientIdHeader})."),
        ClientSecret = AtlasClientSecret ?? throw new InvalidOperationException($"{AtlasClientSecretVariable} is not set (sent as {AtlasClient.ClientSecretHeader})."),
        Timeout = Timeout,
    };

    public override string ToString() =>
        $"HarnessSettings {{ Target = {(IsSandbox ? "sandbox" : TargetUrl!.ToString())}, ClientId = {ClientId}, ClientSecret = {Redactor.Mask}, Seed = {Seed?.ToString(CultureInfo.InvariantCulture) ?? "random"}, Timeout = {Timeout} }}";

    private static Uri? ParseTarget(string? value) =>
        value is null || value.Equals("sandbox", StringComparison.OrdinalIgnoreCase) ? null : ParseUrl(value, TargetUrlVariable, " (or \"sandbox\")");

    private static Uri? ParseUrl(string? value, string variable, string alternatives = "")
    {
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{variable} '{value}' is not an absolute http(s) URL{alternatives}.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static int? ParseInt(string? value, string variable, int minimum)
    {
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) || result < minimum)
        {
            throw new InvalidOperationException($"{variable} '{value}' is not a whole number{(minimum > int.MinValue ? $" of at least {minimum}" : string.Empty)}.");
        }

        return result;
    }

    private static Dictionary<string, string?> ReadFile(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return values;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("Harness", out var section)
                && section.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in section.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        _ => null,
                    };
                }
            }
        }

        return values;
    }
}
