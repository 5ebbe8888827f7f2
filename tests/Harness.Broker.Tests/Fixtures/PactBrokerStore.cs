using System.Security.Cryptography;

namespace Harness.Broker.Tests.Fixtures;

/// <summary>The in-memory state of <see cref="PactBrokerTestDouble"/>. Callers hold <see cref="Gate"/>.</summary>
internal sealed class PactBrokerStore
{
    // The real broker sets a pacticipant's main branch from the first branch it sees with one of these names
    // (config auto_detect_main_branch / main_branch_candidates).
    private static readonly string[] MainBranchCandidates = ["develop", "main", "master"];

    private readonly Dictionary<string, Pacticipant> _pacticipants = new(StringComparer.Ordinal);
    private long _sequence;

    public Lock Gate { get; } = new();

    public Dictionary<string, string> PactContents { get; } = new(StringComparer.Ordinal);

    public List<PactPublication> Publications { get; } = [];

    public List<VerificationRecord> Verifications { get; } = [];

    public List<BrokerEnvironment> Environments { get; } = [];

    public List<DeployedVersion> Deployments { get; } = [];

    /// <summary>The bodies of every for-verification request, so tests can assert the selectors a client sent.</summary>
    public List<string> ForVerificationRequests { get; } = [];

    public IEnumerable<Pacticipant> Pacticipants => _pacticipants.Values;

    public long NextSequence() => ++_sequence;

    public Pacticipant? FindPacticipant(string name) => _pacticipants.GetValueOrDefault(name);

    public Pacticipant GetOrCreatePacticipant(string name)
    {
        if (!_pacticipants.TryGetValue(name, out var pacticipant))
        {
            pacticipant = new Pacticipant(name, DateTimeOffset.UtcNow);
            _pacticipants[name] = pacticipant;
        }

        return pacticipant;
    }

    public PacticipantVersion? FindVersion(string pacticipant, string number) =>
        FindPacticipant(pacticipant)?.Versions.FirstOrDefault(v => v.Number == number);

    public PacticipantVersion GetOrCreateVersion(string pacticipantName, string number)
    {
        var pacticipant = GetOrCreatePacticipant(pacticipantName);
        var version = pacticipant.Versions.FirstOrDefault(v => v.Number == number);
        if (version is null)
        {
            version = new PacticipantVersion(pacticipant, number, NextSequence(), DateTimeOffset.UtcNow);
            pacticipant.Versions.Add(version);
        }

        return version;
    }

    public static void AddBranch(PacticipantVersion version, string branch)
    {
        if (!version.Branches.Contains(branch))
            version.Branches.Add(branch);
        if (version.Pacticipant.MainBranch is null && MainBranchCandidates.Contains(branch, StringComparer.Ordinal))
            version.Pacticipant.MainBranch = branch;
    }

    public static string ContentSha(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    public BrokerEnvironment? FindEnvironment(string uuidOrName) =>
        Environments.FirstOrDefault(e => e.Uuid == uuidOrName || e.Name == uuidOrName);

    /// <summary>Publications for the provider, newest consumer version first.</summary>
    public IEnumerable<PactPublication> PublicationsFor(string provider, string? consumer = null) =>
        Publications
            .Where(p => p.Provider == provider && (consumer is null || p.Consumer == consumer))
            .OrderByDescending(p => p.ConsumerVersion.Order);

    public PactPublication? PublicationFor(PacticipantVersion consumerVersion, string provider) =>
        Publications.FirstOrDefault(p => p.ConsumerVersion == consumerVersion && p.Provider == provider);

    public IEnumerable<DeployedVersion> CurrentlyDeployed(string? pacticipant = null, BrokerEnvironment? environment = null) =>
        Deployments.Where(d => d.UndeployedAt is null
            && (pacticipant is null || d.Version.Pacticipant.Name == pacticipant)
            && (environment is null || d.Environment == environment));

    /// <summary>The newest verification of a pact version, optionally by one provider version.</summary>
    public VerificationRecord? LatestVerification(string sha, PacticipantVersion? providerVersion = null) =>
        Verifications
            .Where(v => v.Sha == sha && (providerVersion is null || v.ProviderVersion == providerVersion))
            .MaxBy(v => v.Sequence);
}

internal sealed class Pacticipant(string name, DateTimeOffset createdAt)
{
    public string Name { get; } = name;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string? MainBranch { get; set; }

    public List<PacticipantVersion> Versions { get; } = [];
}

internal sealed class PacticipantVersion(Pacticipant pacticipant, string number, long order, DateTimeOffset createdAt)
{
    public Pacticipant Pacticipant { get; } = pacticipant;

    public string Number { get; } = number;

    /// <summary>Creation order; "latest" means the highest.</summary>
    public long Order { get; } = order;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public List<string> Branches { get; } = [];

    public List<string> Tags { get; } = [];

    public string? BuildUrl { get; set; }
}

internal sealed record PactPublication(
    string Consumer, string Provider, PacticipantVersion ConsumerVersion, string Sha, DateTimeOffset CreatedAt);

internal sealed record VerificationRecord(
    long Sequence,
    int Number,
    string Consumer,
    string Provider,
    string Sha,
    PacticipantVersion ProviderVersion,
    bool Success,
    string? BuildUrl,
    DateTimeOffset VerifiedAt);

internal sealed record BrokerEnvironment(
    string Uuid, string Name, string DisplayName, bool Production, DateTimeOffset CreatedAt);

internal sealed class DeployedVersion(string uuid, BrokerEnvironment environment, PacticipantVersion version, string? applicationInstance)
{
    public string Uuid { get; } = uuid;

    public BrokerEnvironment Environment { get; } = environment;

    public PacticipantVersion Version { get; } = version;

    public string? ApplicationInstance { get; } = applicationInstance;

    public DateTimeOffset DeployedAt { get; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? UndeployedAt { get; set; }
}
