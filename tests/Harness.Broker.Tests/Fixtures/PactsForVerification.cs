namespace Harness.Broker.Tests.Fixtures;

/// <summary>
/// <c>POST /pacts/provider/{provider}/for-verification</c>: consumer version selectors, pending and WIP pacts, as
/// described in pact_broker's doc/views/provider-pacts-for-verification.markdown.
/// </summary>
internal static class PactsForVerification
{
    public static IResult Select(PactBrokerStore store, Hal hal, string provider, JsonObject? body)
    {
        if (body is null)
            return Hal.Errors(StatusCodes.Status400BadRequest, "body", "must be a JSON object");
        var providerBranch = body["providerVersionBranch"]?.GetValue<string>();
        var includePending = body["includePendingStatus"]?.GetValue<bool>() ?? false;
        var selectors = (body["consumerVersionSelectors"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        // With no selectors the broker returns the latest pact of each consumer.
        if (selectors.Count == 0)
            selectors.Add(new JsonObject { ["latest"] = true });

        DateTimeOffset? wipSince = null;
        if (body["includeWipPactsSince"]?.GetValue<string>() is { } since)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return Hal.Errors(StatusCodes.Status400BadRequest, "includeWipPactsSince", $"'{since}' is not a date");
            wipSince = parsed;
        }

        lock (store.Gate)
        {
            store.ForVerificationRequests.Add(body.ToJsonString());
            var selected = new Dictionary<string, List<(PactPublication Publication, string Reason)>>(StringComparer.Ordinal);
            foreach (var selector in selectors)
            {
                if (selector["matchingBranch"]?.GetValue<bool>() == true && providerBranch is null)
                    return Hal.Errors(StatusCodes.Status400BadRequest, "consumerVersionSelectors", "matchingBranch requires providerVersionBranch to be set");
                var (matches, error) = Matches(store, provider, selector, providerBranch);
                if (error is not null)
                    return Hal.Errors(StatusCodes.Status400BadRequest, "consumerVersionSelectors", error);
                foreach (var publication in matches)
                {
                    if (!selected.TryGetValue(publication.Sha, out var reasons))
                        selected[publication.Sha] = reasons = [];
                    reasons.Add((publication, selector.ToJsonString()));
                }
            }

            var pacts = new JsonArray();
            foreach (var (sha, reasons) in selected)
            {
                var pending = includePending && IsPending(store, sha, providerBranch);
                var versions = string.Join(", ", reasons.Select(r => r.Publication.ConsumerVersion.Number).Distinct());
                var notices = new JsonArray(Notice($"The pact at {PactBrokerApi.PactVersionUrl(hal, provider, reasons[0].Publication.Consumer, sha)} is being verified because it matches the following configured selection criterion: {string.Join(", ", reasons.Select(r => r.Reason).Distinct())} (consumer version(s) {versions})"));
                if (pending)
                    notices.Add(Notice($"This pact is in pending state for this version of {provider} because a successful verification result for {providerBranch ?? "this provider"} has not yet been published. If this verification fails, it will not cause the overall build to fail."));
                pacts.Add(Entry(hal, reasons[0].Publication, pending, wip: false, notices));
            }

            if (wipSince is { } wipFrom && includePending && providerBranch is not null)
            {
                foreach (var wip in WorkInProgress(store, provider, providerBranch, wipFrom).Where(p => !selected.ContainsKey(p.Sha)))
                {
                    var notices = new JsonArray(Notice($"The pact at {PactBrokerApi.PactVersionUrl(hal, provider, wip.Consumer, wip.Sha)} is being verified because it is a 'work in progress' pact (ie. it is the pact for the latest version of {wip.Consumer} from branch {wip.ConsumerVersion.Branches.LastOrDefault()} and is still in pending state). If this verification fails, it will not cause the overall build to fail."));
                    pacts.Add(Entry(hal, wip, pending: true, wip: true, notices));
                }
            }

            return Hal.Json(new JsonObject
            {
                ["_embedded"] = new JsonObject { ["pacts"] = pacts },
                ["_links"] = new JsonObject { ["self"] = Hal.Link(hal.Url("pacts", "provider", provider, "for-verification"), title: "Pacts to be verified") },
            });
        }
    }

    private static JsonObject Notice(string text) => new() { ["when"] = "before_verification", ["text"] = text };

    private static JsonObject Entry(Hal hal, PactPublication publication, bool pending, bool wip, JsonArray notices)
    {
        var properties = new JsonObject { ["pending"] = pending, ["notices"] = notices };
        if (wip)
            properties["wip"] = true;
        return new JsonObject
        {
            ["shortDescription"] = $"{publication.Consumer} {publication.ConsumerVersion.Number}",
            ["verificationProperties"] = properties,
            ["_links"] = new JsonObject
            {
                ["self"] = Hal.Link(
                    PactBrokerApi.PactVersionUrl(hal, publication.Provider, publication.Consumer, publication.Sha),
                    $"Pact between {publication.Consumer} ({publication.ConsumerVersion.Number}) and {publication.Provider}"),
            },
        };
    }

    /// <summary>Pending until a version of the provider from the given branch (any version without a branch) has verified it successfully.</summary>
    private static bool IsPending(PactBrokerStore store, string sha, string? providerBranch) =>
        !store.Verifications.Any(v => v.Sha == sha && v.Success && (providerBranch is null || v.ProviderVersion.Branches.Contains(providerBranch)));

    private static (List<PactPublication> Matches, string? Error) Matches(
        PactBrokerStore store, string provider, JsonObject selector, string? providerBranch)
    {
        var consumerFilter = selector["consumer"]?.GetValue<string>();
        var publications = store.PublicationsFor(provider, consumerFilter).ToList();
        var byConsumer = publications.GroupBy(p => p.Consumer).ToList();
        var environmentName = selector["environment"]?.GetValue<string>();
        var environment = environmentName is null ? null : store.FindEnvironment(environmentName);
        var tag = selector["tag"]?.GetValue<string>();
        var latest = selector["latest"]?.GetValue<bool>() == true;

        if (selector["mainBranch"]?.GetValue<bool>() == true)
            return (byConsumer.SelectMany(g => LatestOnBranch(g, store.FindPacticipant(g.Key)?.MainBranch)).ToList(), null);
        if (selector["matchingBranch"]?.GetValue<bool>() == true)
            return (byConsumer.SelectMany(g => LatestOnBranch(g, providerBranch)).ToList(), null);
        if (selector["branch"]?.GetValue<string>() is { } branch)
        {
            var fallback = selector["fallbackBranch"]?.GetValue<string>();
            return (byConsumer.SelectMany(g => LatestOnBranch(g, branch) is { Count: > 0 } found ? found : LatestOnBranch(g, fallback)).ToList(), null);
        }

        if (selector["deployedOrReleased"]?.GetValue<bool>() == true || selector["deployed"]?.GetValue<bool>() == true || (environmentName is not null && tag is null))
        {
            // Releases are not modelled: deployedOrReleased and environment selectors see deployed versions.
            if (environmentName is not null && environment is null)
                return ([], null);
            var deployed = store.CurrentlyDeployed(environment: environment).Select(d => d.Version).ToHashSet();
            return (publications.Where(p => deployed.Contains(p.ConsumerVersion)).ToList(), null);
        }

        if (selector["released"]?.GetValue<bool>() == true)
            return ([], null);
        if (tag is not null)
        {
            var tagged = byConsumer.Select(g => g.Where(p => p.ConsumerVersion.Tags.Contains(tag)).ToList());
            return (tagged.SelectMany(t => latest ? t.Take(1) : t).ToList(), null);
        }

        if (latest)
            return (byConsumer.Select(g => g.First()).ToList(), null);
        return ([], $"unsupported consumer version selector {selector.ToJsonString()}");
    }

    private static List<PactPublication> LatestOnBranch(IEnumerable<PactPublication> newestFirst, string? branch) =>
        branch is null ? [] : newestFirst.Where(p => p.ConsumerVersion.Branches.Contains(branch)).Take(1).ToList();

    /// <summary>WIP: the latest pact of every consumer branch, created since the date, still pending for the provider branch.</summary>
    private static IEnumerable<PactPublication> WorkInProgress(PactBrokerStore store, string provider, string providerBranch, DateTimeOffset since) =>
        store.PublicationsFor(provider)
            .Where(p => p.CreatedAt >= since)
            .SelectMany(p => p.ConsumerVersion.Branches.Select(b => (Branch: b, Publication: p)))
            .GroupBy(x => (x.Publication.Consumer, x.Branch))
            .Select(g => g.First().Publication)
            .Where(p => IsPending(store, p.Sha, providerBranch))
            .DistinctBy(p => p.Sha);
}
