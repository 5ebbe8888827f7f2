using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Coverage;
using Harness.Pact.Exceptions;
using Harness.Pact.Verifier;
using Harness.Sandbox;
using Harness.TestData;
using Harness.Spec;

namespace Harness.Mutation;

/// <summary>What became of one drift.</summary>
public enum DriftOutcome
{
    /// <summary>The verifier failed the interaction: the pact caught the drift.</summary>
    Killed,

    /// <summary>The drift changed the response and the verifier still passed it.</summary>
    Survived,

    /// <summary>The drift changed nothing: the provider's response lacks the field (an optional one it leaves out).</summary>
    NotServed,
}

/// <summary>One interaction of a pact, the drifts derived for it, and each drift's outcome.</summary>
public sealed record InteractionResult(string PactFile, string Interaction, string Operation, int Status, JsonObject Pact, IReadOnlyList<DriftResult> Drifts);

public sealed record DriftResult(Drift Drift, DriftOutcome Outcome);

/// <summary>
/// The mutation run: for every HTTP interaction of the pacts, every drift the spec forbids, served by a
/// <see cref="DriftProxy"/> in front of the in-process sandbox and judged by Harness.Pact's verifier. All drifts of a
/// provider go through ONE verifier run: each drift is a copy of its interaction whose request carries the drift's id
/// in <see cref="DriftProxy.DriftHeader"/>, beside an unchanged copy that must pass (so a "killed" is the drift's doing).
/// </summary>
public static class MutationRun
{
    /// <summary>
    /// Drifts per verifier run, and verifier runs at a time: the engine's time per interaction is partly waiting (a
    /// fresh HTTP client per request), so a few runs side by side fill the CPU; and its CPU time per interaction grows
    /// with the size of the pact it runs. The whole run's CPU time (user + system, `/usr/bin/time`, with the loopback
    /// trust store) by drifts per run, on the 2-core machine: 100: 130 s; 40: 83 s; 15: 71 s; 5: 60 s; 2: 53 s;
    /// 1: 61 s (the per-run setup starts to show).
    /// </summary>
    private const int ChunkSize = 2;

    private static readonly int ParallelVerifiers = Math.Max(4, 2 * Environment.ProcessorCount);

    public static async Task<IReadOnlyList<InteractionResult>> RunAsync(string repoRoot, string? pactDirectory = null, TextWriter? log = null)
    {
        var specs = CoverageSources.Specs(repoRoot);
        var airline = new AirlineResponseSpecs(SpecDocument.Load(CoverageSources.AirlineSpecPath(repoRoot)));
        var atlasReference = CoverageSources.AtlasReferencePath(repoRoot);
        var directory = pactDirectory ?? CoverageSources.PactDirectory(repoRoot);

        var plans = new List<(string Provider, string File, JsonObject Pact, List<(JsonObject Interaction, PactInteraction Parsed, string Operation, List<int> Drifts)> Interactions)>();
        var drifts = new List<Drift>();
        var interactionOf = new List<int>();
        var interactionCount = 0;
        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var parsed = PactFile.Load(path);
            var spec = specs.FirstOrDefault(s => s.Provider == parsed.Provider);
            if (spec is null || parsed.Interactions.Count == 0)
            {
                continue; // message pacts, and providers no spec describes
            }

            var root = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
            var raw = root["interactions"]!.AsArray().OfType<JsonObject>().Where(i => i["request"] is JsonObject && i["response"] is JsonObject).ToList();
            var plan = (parsed.Provider, Path.GetFileName(path), root, new List<(JsonObject, PactInteraction, string, List<int>)>());
            for (var i = 0; i < raw.Count; i++)
            {
                var interaction = parsed.Interactions[i];
                var operation = spec.FindOperation(interaction.Request.Method, interaction.Request.Path)
                    ?? throw new InvalidDataException($"{interaction.DisplayName} in {path}: no operation of {spec.Title} has {interaction.Request.Method} {interaction.Request.Path}.");
                var response = spec.Provider == AtlasSpec.Provider
                    ? AtlasResponseSpecs.Find(atlasReference, operation.OperationId, interaction.Response.Status, interaction.Response.Body)
                    : airline.Find(operation.OperationId, interaction.Response.Status);
                var ids = new List<int>();
                if (response is not null)
                {
                    foreach (var drift in DriftCatalog.For(response, interaction.Response.Status, interaction.Response.Body is not null))
                    {
                        ids.Add(drifts.Count);
                        drifts.Add(drift);
                        interactionOf.Add(interactionCount);
                    }
                }

                plan.Item4.Add((raw[i], interaction, operation.OperationId, ids));
                interactionCount++;
            }

            plans.Add(plan);
        }

        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            EnableProviderStates = true,
            EnableAdmin = true,
            Quiet = true,
            Clock = new SandboxClock(ContractReference.Now),
        });
        await using var proxy = await DriftProxy.StartAsync(sandbox.BaseUrl, drifts, interactionOf);

        var results = new List<InteractionResult>();
        var key = 0;
        using var scratch = new ScratchDirectory();
        var states = new Uri(sandbox.BaseUrl, "_pact/provider-states");
        foreach (var (provider, file, pact, interactions) in plans)
        {
            var watch = Stopwatch.StartNew();

            // 1. Every interaction as it is, in its provider states: the proxy keeps each answer.
            var asIs = new JsonArray();
            foreach (var (interaction, parsed, _, _) in interactions)
            {
                asIs.Add(Record(interaction, $"{parsed.Description} [as is {key}]", key++));
            }

            var failedAsIs = await VerifyAsync(provider, proxy.BaseUrl, states, WritePact(scratch.Path, file, "as-is", pact, asIs));
            if (failedAsIs.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{string.Join(", ", failedAsIs)} in {file} fail against the sandbox without any drift; fix the pact or the sandbox first " +
                    "(dotnet test tests/Harness.Verification.Tests).");
            }

            // 2. Every drift, served from the kept answers (no provider state, no provider work), in parallel chunks.
            var drifted = interactions
                .SelectMany(i => i.Drifts.Select(id => Drifted(i.Interaction, $"{i.Parsed.Description} [drift {id}]", id)))
                .ToList();
            var chunks = drifted.Chunk(ChunkSize).Select((chunk, n) => WritePact(scratch.Path, file, $"drifts-{n}", pact, new JsonArray([.. chunk]))).ToList();
            using var gate = new SemaphoreSlim(ParallelVerifiers);
            var failedSets = await Task.WhenAll(chunks.Select(async chunk =>
            {
                await gate.WaitAsync();
                try
                {
                    return await VerifyAsync(provider, proxy.BaseUrl, null, chunk);
                }
                finally
                {
                    gate.Release();
                }
            }));
            var failed = failedSets.SelectMany(f => f).ToHashSet();

            foreach (var (interaction, parsed, operation, ids) in interactions)
            {
                if (ids.FirstOrDefault(proxy.Unrecorded.Contains, -1) is var lost and >= 0)
                {
                    throw new InvalidOperationException($"Drift {lost} of {parsed.DisplayName} has no kept answer of its interaction.");
                }

                var outcomes = ids.Select(id => new DriftResult(
                    drifts[id],
                    failed.Contains($"{parsed.Description} [drift {id}]") ? DriftOutcome.Killed
                    : proxy.WasServed(id) ? DriftOutcome.Survived
                    : DriftOutcome.NotServed)).ToList();
                results.Add(new InteractionResult(file, parsed.DisplayName, operation, parsed.Response.Status, interaction, outcomes));
            }

            log?.WriteLine($"{file}: {interactions.Count} interactions, {drifted.Count} drifts verified in {watch.Elapsed.TotalSeconds:F1} s");
        }

        return results;
    }

    /// <summary>The interaction as it is, its provider answer kept by the proxy under <paramref name="key"/>.</summary>
    private static JsonObject Record(JsonObject interaction, string description, int key) =>
        Copy(interaction, description, DriftProxy.RecordHeader, key);

    /// <summary>
    /// The interaction answered with drift <paramref name="id"/>: the proxy serves it from the kept answer, so the copy
    /// needs neither the provider states nor the request body (the provider never sees it).
    /// </summary>
    private static JsonObject Drifted(JsonObject interaction, string description, int id)
    {
        var copy = Copy(interaction, description, DriftProxy.DriftHeader, id);
        copy.Remove("providerStates");
        var request = copy["request"]!.AsObject();
        request.Remove("body");
        request.Remove("matchingRules");
        request.Remove("generators");
        request["headers"]!.AsObject().Remove("Content-Type");
        return copy;
    }

    private static JsonObject Copy(JsonObject interaction, string description, string header, int value)
    {
        var copy = interaction.DeepClone().AsObject();
        copy["description"] = description;
        copy.Remove("key");
        var request = copy["request"]!.AsObject();
        if (request["headers"] is not JsonObject headers)
        {
            headers = [];
            request["headers"] = headers;
        }

        headers[header] = new JsonArray(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return copy;
    }

    private static string WritePact(string directory, string file, string part, JsonObject pact, JsonArray interactions)
    {
        var copy = pact.DeepClone().AsObject();
        copy["interactions"] = interactions;
        var path = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(file)}.{part}.json");
        File.WriteAllText(path, copy.ToJsonString());
        return path;
    }

    /// <summary>The descriptions of the interactions that failed verification.</summary>
    private static async Task<HashSet<string>> VerifyAsync(string provider, Uri endpoint, Uri? states, string pactPath)
    {
        using var verifier = new PactVerifier(provider, "mutation")
            .WithHttpEndpoint(endpoint)
            .WithRequestTimeout(TimeSpan.FromSeconds(30))
            .WithFileSource(new FileInfo(pactPath));
        if (states is not null)
        {
            verifier.WithProviderStateUrl(states, teardown: true);
        }

        PactVerificationResult result;
        try
        {
            // The engine blocks its thread for the whole run: a dedicated thread, so the proxy's requests never wait for
            // the thread pool to grow.
            result = await Task.Factory.StartNew(verifier.Verify, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        catch (PactFailureException failure) when (failure.Result is not null)
        {
            result = failure.Result;
        }

        var json = result.Json is null ? null : JsonNode.Parse(result.Json);
        if (json?["interactionResults"] is not JsonArray interactions)
        {
            throw new InvalidOperationException($"The verifier gave no JSON report:{Environment.NewLine}{result.Output}");
        }

        return [.. interactions.Where(i => (string?)i?["result"] != "OK").Select(i => (string?)i?["description"]).OfType<string>()];
    }

    private sealed class ScratchDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("harness-mutation-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
