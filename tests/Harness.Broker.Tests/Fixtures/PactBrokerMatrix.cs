namespace Harness.Broker.Tests.Fixtures;

/// <summary>
/// <c>GET /matrix</c> and <c>GET /can-i-deploy</c> (doc/views/matrix.markdown, can-i-deploy.markdown). The Rust CLI asks
/// <c>/matrix?q[][pacticipant]=A&amp;q[][version]=1&amp;latestby=cvp&amp;latest=true</c>, or with
/// <c>latestby=cvpv&amp;environment=prod</c> for <c>--to-environment</c>. The answer follows what those two forms mean
/// rather than reading <c>latestby</c>: with an environment, one row per deployed counterpart version; without, the
/// latest verification of each pact. <c>ignore[]</c> and release records are not modelled.
/// </summary>
internal static class PactBrokerMatrix
{
    private sealed class Selector
    {
        public required string Pacticipant { get; init; }

        public string? Version { get; set; }

        public string? Branch { get; set; }

        public string? Tag { get; set; }

        public bool Latest { get; set; }

        public bool MainBranch { get; set; }
    }

    private sealed record Row(
        PacticipantVersion Consumer, string Provider, PacticipantVersion? ProviderVersion, PactPublication Pact, VerificationRecord? Verification);

    public static IResult Matrix(PactBrokerStore store, Hal hal, string? query)
    {
        var selectors = new List<Selector>();
        string? environment = null;
        foreach (var (key, value) in PactBrokerApi.ParseQuery(query))
        {
            if (key == "q[][pacticipant]")
            {
                selectors.Add(new Selector { Pacticipant = value });
                continue;
            }

            if (key.StartsWith("q[]", StringComparison.Ordinal) && selectors.Count == 0)
                return Hal.Errors(StatusCodes.Status400BadRequest, "q", $"'{key}' must follow a q[][pacticipant]");
            switch (key)
            {
                case "q[][version]": selectors[^1].Version = value; break;
                case "q[][branch]": selectors[^1].Branch = value; break;
                case "q[][tag]": selectors[^1].Tag = value; break;
                case "q[][latest]": selectors[^1].Latest = value == "true"; break;
                case "q[][mainBranch]": selectors[^1].MainBranch = value == "true"; break;
                case "environment": environment = value; break;
                default: break;
            }
        }

        return Evaluate(store, hal, selectors, environment);
    }

    public static IResult CanIDeploy(PactBrokerStore store, Hal hal, string? query)
    {
        var pairs = PactBrokerApi.ParseQuery(query).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (!pairs.TryGetValue("pacticipant", out var pacticipant) || !pairs.TryGetValue("version", out var version))
            return Hal.Errors(StatusCodes.Status400BadRequest, "pacticipant", "pacticipant and version are required");
        if (!pairs.TryGetValue("environment", out var environment))
            return Hal.Errors(StatusCodes.Status400BadRequest, "environment", "is required");
        return Evaluate(store, hal, [new Selector { Pacticipant = pacticipant, Version = version }], environment);
    }

    private static IResult Evaluate(PactBrokerStore store, Hal hal, List<Selector> selectors, string? environmentName)
    {
        if (selectors.Count == 0)
            return Hal.Errors(StatusCodes.Status400BadRequest, "q", "at least one q[][pacticipant] is required");
        BrokerEnvironment? environment = null;
        if (environmentName is not null)
        {
            environment = store.Environments.FirstOrDefault(e => e.Name == environmentName);
            if (environment is null)
                return Hal.Errors(StatusCodes.Status400BadRequest, "environment", $"Environment with name '{environmentName}' does not exist");
        }

        var resolved = new List<PacticipantVersion>();
        foreach (var selector in selectors)
        {
            var version = Resolve(store, selector);
            if (version is null)
                return Hal.Errors(StatusCodes.Status400BadRequest, "q", $"No version of {selector.Pacticipant} matches {Describe(selector)}");
            resolved.Add(version);
        }

        var rows = new List<Row>();
        var missing = new List<string>();
        if (resolved.Count > 1)
        {
            // Several selectors: only the integrations between the selected versions.
            foreach (var consumer in resolved)
            {
                foreach (var provider in resolved.Where(p => p != consumer))
                {
                    if (store.PublicationFor(consumer, provider.Pacticipant.Name) is { } pact)
                        rows.Add(new Row(consumer, pact.Provider, provider, pact, store.LatestVerification(pact.Sha, provider)));
                }
            }
        }
        else
        {
            RowsAgainstOthers(store, resolved[0], environment, rows, missing);
        }

        return Hal.Json(Render(hal, rows, missing));
    }

    /// <summary>One version against what it integrates with: the environment's deployed versions, or the latest verification.</summary>
    private static void RowsAgainstOthers(PactBrokerStore store, PacticipantVersion version, BrokerEnvironment? environment, List<Row> rows, List<string> missing)
    {
        var name = version.Pacticipant.Name;
        // As a consumer: each pact this version published needs a verified provider.
        foreach (var pact in store.Publications.Where(p => p.ConsumerVersion == version))
        {
            if (environment is null)
            {
                var verification = store.LatestVerification(pact.Sha);
                rows.Add(new Row(version, pact.Provider, verification?.ProviderVersion, pact, verification));
                continue;
            }

            var deployedProviders = store.CurrentlyDeployed(pact.Provider, environment).Select(d => d.Version).Distinct().ToList();
            if (deployedProviders.Count == 0)
                missing.Add($"There is no verified pact between version {version.Number} of {name} and a version of {pact.Provider} currently in {environment.Name} (no version is currently recorded as deployed/released in this environment)");
            foreach (var providerVersion in deployedProviders)
                rows.Add(new Row(version, pact.Provider, providerVersion, pact, store.LatestVerification(pact.Sha, providerVersion)));
        }

        // As a provider: the consumers in the environment (or their latest versions) need this version's verification.
        var consumers = store.Publications.Where(p => p.Provider == name).Select(p => p.Consumer).Distinct();
        foreach (var consumer in consumers)
        {
            var consumerPacts = environment is null
                ? store.PublicationsFor(name, consumer).Take(1)
                : store.CurrentlyDeployed(consumer, environment).Select(d => store.PublicationFor(d.Version, name)).OfType<PactPublication>();
            foreach (var pact in consumerPacts)
                rows.Add(new Row(pact.ConsumerVersion, name, version, pact, store.LatestVerification(pact.Sha, version)));
        }
    }

    private static PacticipantVersion? Resolve(PactBrokerStore store, Selector selector)
    {
        var pacticipant = store.FindPacticipant(selector.Pacticipant);
        if (pacticipant is null)
            return null;
        IEnumerable<PacticipantVersion> candidates = pacticipant.Versions.OrderByDescending(v => v.Order);
        if (selector.Version is not null)
            candidates = candidates.Where(v => v.Number == selector.Version);
        if (selector.Branch is not null)
            candidates = candidates.Where(v => v.Branches.Contains(selector.Branch));
        if (selector.MainBranch)
            candidates = candidates.Where(v => pacticipant.MainBranch is not null && v.Branches.Contains(pacticipant.MainBranch));
        if (selector.Tag is not null)
            candidates = candidates.Where(v => v.Tags.Contains(selector.Tag));
        return candidates.FirstOrDefault();
    }

    private static string Describe(Selector s) =>
        string.Join(", ", new[]
        {
            s.Version is null ? null : $"version {s.Version}",
            s.Branch is null ? null : $"branch {s.Branch}",
            s.Tag is null ? null : $"tag {s.Tag}",
            s.MainBranch ? "main branch" : null,
            s.Latest ? "latest" : null,
        }.OfType<string>().DefaultIfEmpty("any version"));

    private static JsonObject Render(Hal hal, List<Row> rows, List<string> missing)
    {
        var success = rows.Count(r => r.Verification?.Success == true);
        var failed = rows.Count(r => r.Verification?.Success == false);
        var unknown = rows.Count(r => r.Verification is null) + missing.Count;
        var reasons = new List<string>();
        foreach (var row in rows.Where(r => r.Verification?.Success == false))
            reasons.Add($"The verification for the pact between version {row.Consumer.Number} of {row.Consumer.Pacticipant.Name} and version {row.ProviderVersion?.Number} of {row.Provider} failed");
        foreach (var row in rows.Where(r => r.Verification is null))
            reasons.Add($"There is no verified pact between version {row.Consumer.Number} of {row.Consumer.Pacticipant.Name} and {(row.ProviderVersion is null ? "any version" : $"version {row.ProviderVersion.Number}")} of {row.Provider}");
        reasons.AddRange(missing);
        var deployable = failed == 0 && unknown == 0;
        if (deployable)
            reasons.Add(rows.Count == 0 ? "There are no missing dependencies" : "All required verification results are published and successful");

        var notices = new JsonArray([.. reasons.Select(r => (JsonNode)new JsonObject { ["type"] = deployable ? "success" : "error", ["text"] = r })]);
        return new JsonObject
        {
            ["summary"] = new JsonObject
            {
                ["deployable"] = deployable,
                ["reason"] = string.Join('\n', reasons),
                ["success"] = success,
                ["failed"] = failed,
                ["unknown"] = unknown,
            },
            ["notices"] = notices,
            ["matrix"] = new JsonArray([.. rows.Select(r => (JsonNode)RenderRow(hal, r))]),
        };
    }

    private static JsonObject RenderRow(Hal hal, Row row) => new()
    {
        ["consumer"] = new JsonObject
        {
            ["name"] = row.Consumer.Pacticipant.Name,
            ["version"] = new JsonObject { ["number"] = row.Consumer.Number, ["branch"] = row.Consumer.Branches.LastOrDefault() },
        },
        ["provider"] = new JsonObject
        {
            ["name"] = row.Provider,
            ["version"] = row.ProviderVersion is null ? null : new JsonObject { ["number"] = row.ProviderVersion.Number, ["branch"] = row.ProviderVersion.Branches.LastOrDefault() },
        },
        ["pact"] = new JsonObject
        {
            ["createdAt"] = row.Pact.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["_links"] = new JsonObject { ["self"] = Hal.Link(PactBrokerApi.PactUrl(hal, row.Pact)) },
        },
        ["verificationResult"] = row.Verification is null ? null : new JsonObject
        {
            ["verifiedAt"] = row.Verification.VerifiedAt.ToString("O", CultureInfo.InvariantCulture),
            ["success"] = row.Verification.Success,
            ["_links"] = new JsonObject { ["self"] = Hal.Link(PactBrokerApi.VerificationUrl(hal, row.Verification)) },
        },
    };
}
