using System.Text.Json;
using Microsoft.AspNetCore.Routing;

namespace Harness.Broker.Tests.Fixtures;

/// <summary>The routes of <see cref="PactBrokerTestDouble"/>, named and shaped after pact_broker's api.rb and decorators.</summary>
internal static class PactBrokerApi
{
    private const string PactRoute = "/pacts/provider/{provider}/consumer/{consumer}";

    public static void Map(IEndpointRouteBuilder app, PactBrokerStore store)
    {
        // The Ruby client asks for "GET /?"; the empty query string reaches this same route.
        app.MapGet("/", (HttpRequest r) => Hal.Json(Index(new Hal(r))));

        app.MapPost("/contracts/publish", async (HttpRequest r) => PublishContracts(store, new Hal(r), await ReadObjectAsync(r)));
        app.MapPut(PactRoute + "/version/{version}", async (HttpRequest r, string provider, string consumer, string version) =>
            PublishPactLegacy(store, new Hal(r), provider, consumer, version, await ReadObjectAsync(r)));
        app.MapGet(PactRoute + "/version/{version}", (HttpRequest r, string provider, string consumer, string version) =>
            PactByConsumerVersion(store, new Hal(r), provider, consumer, version));
        app.MapGet(PactRoute + "/pact-version/{sha}", (HttpRequest r, string provider, string consumer, string sha) =>
            PactByContent(store, new Hal(r), provider, consumer, sha));

        app.MapGet("/pacts/provider/{provider}/for-verification", (HttpRequest r, string provider) =>
            Hal.Json(new JsonObject { ["_links"] = new JsonObject { ["self"] = Hal.Link(new Hal(r).Url("pacts", "provider", provider, "for-verification"), title: "Pacts to be verified") } }));
        app.MapPost("/pacts/provider/{provider}/for-verification", async (HttpRequest r, string provider) =>
            PactsForVerification.Select(store, new Hal(r), provider, await ReadObjectAsync(r)));

        app.MapPost(PactRoute + "/pact-version/{sha}/verification-results", async (HttpRequest r, string provider, string consumer, string sha) =>
            PublishVerification(store, new Hal(r), provider, consumer, sha, await ReadObjectAsync(r)));
        app.MapGet(PactRoute + "/pact-version/{sha}/verification-results/{number}", (HttpRequest r, string provider, string consumer, string sha, string number) =>
            GetVerification(store, new Hal(r), provider, consumer, sha, number));

        app.MapGet("/pacticipants", (HttpRequest r) => Pacticipants(store, new Hal(r)));
        app.MapGet("/pacticipants/{pacticipant}", (HttpRequest r, string pacticipant) => GetPacticipant(store, new Hal(r), pacticipant));
        app.MapGet("/pacticipants/{pacticipant}/versions/{version}", (HttpRequest r, string pacticipant, string version) =>
            GetVersion(store, new Hal(r), pacticipant, version));
        app.MapPut("/pacticipants/{pacticipant}/versions/{version}", (HttpRequest r, string pacticipant, string version) =>
            Locked(store, () => Hal.Json(VersionResource(store, new Hal(r), store.GetOrCreateVersion(pacticipant, version)))));
        app.MapPut("/pacticipants/{pacticipant}/branches/{branch}/versions/{version}", (HttpRequest r, string pacticipant, string branch, string version) =>
            Locked(store, () =>
            {
                var found = store.GetOrCreateVersion(pacticipant, version);
                PactBrokerStore.AddBranch(found, branch);
                return Hal.Json(VersionResource(store, new Hal(r), found));
            }));
        app.MapPut("/pacticipants/{pacticipant}/versions/{version}/tags/{tag}", (HttpRequest r, string pacticipant, string version, string tag) =>
            Locked(store, () =>
            {
                var found = store.GetOrCreateVersion(pacticipant, version);
                if (!found.Tags.Contains(tag))
                    found.Tags.Add(tag);
                var hal = new Hal(r);
                return Hal.Json(new JsonObject
                {
                    ["name"] = tag,
                    ["_links"] = new JsonObject { ["self"] = Hal.Link(hal.Url("pacticipants", pacticipant, "versions", version, "tags", tag)) },
                }, StatusCodes.Status201Created);
            }));
        app.MapPost("/pacticipants/{pacticipant}/versions/{version}/deployed-versions/environment/{uuid}",
            async (HttpRequest r, string pacticipant, string version, string uuid) =>
                RecordDeployment(store, new Hal(r), pacticipant, version, uuid, await ReadObjectAsync(r)));

        app.MapGet("/environments", (HttpRequest r, string? name) => ListEnvironments(store, new Hal(r), name));
        app.MapPost("/environments", async (HttpRequest r) => CreateEnvironment(store, new Hal(r), await ReadObjectAsync(r)));
        app.MapGet("/environments/{uuid}", (HttpRequest r, string uuid) => Locked(store, () =>
            store.FindEnvironment(uuid) is { } environment
                ? Hal.Json(EnvironmentResource(new Hal(r), environment))
                : Hal.NotFound($"environment {uuid}")));
        app.MapGet("/environments/{uuid}/deployed-versions/currently-deployed", (HttpRequest r, string uuid, string? pacticipant) =>
            CurrentlyDeployed(store, new Hal(r), uuid, pacticipant));
        app.MapGet("/deployed-versions/{uuid}", (HttpRequest r, string uuid) => Locked(store, () =>
            store.Deployments.FirstOrDefault(d => d.Uuid == uuid) is { } deployment
                ? Hal.Json(DeployedVersionResource(new Hal(r), deployment))
                : Hal.NotFound($"deployed version {uuid}")));

        app.MapGet("/matrix", (HttpRequest r) => Locked(store, () => PactBrokerMatrix.Matrix(store, new Hal(r), r.QueryString.Value)));
        app.MapGet("/can-i-deploy", (HttpRequest r) => Locked(store, () => PactBrokerMatrix.CanIDeploy(store, new Hal(r), r.QueryString.Value)));
    }

    private static IResult Locked(PactBrokerStore store, Func<IResult> handler)
    {
        lock (store.Gate)
        {
            return handler();
        }
    }

    /// <summary>The body as a JSON object, or null when it is missing or not a JSON object.</summary>
    private static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Index(Hal hal) => new()
    {
        ["_links"] = new JsonObject
        {
            ["self"] = Hal.Link(hal.Base, title: "Index"),
            ["pb:publish-pact"] = hal.Templated("/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}", "Publish a pact"),
            ["pb:publish-contracts"] = Hal.Link(hal.Url("contracts", "publish"), title: "Publish contracts"),
            ["pb:pacticipants"] = Hal.Link(hal.Url("pacticipants"), title: "Pacticipants"),
            ["pb:pacticipant"] = hal.Templated("/pacticipants/{pacticipant}", "Fetch pacticipant by name"),
            ["pb:pacticipant-version"] = hal.Templated("/pacticipants/{pacticipant}/versions/{version}", "Get, create or delete a pacticipant version"),
            ["pb:pacticipant-version-tag"] = hal.Templated("/pacticipants/{pacticipant}/versions/{version}/tags/{tag}", "Get, create or delete a tag for a version of a pacticipant"),
            ["pb:pacticipant-branch-version"] = hal.Templated("/pacticipants/{pacticipant}/branches/{branch}/versions/{version}", "Get or add/create a version for a branch of a pacticipant"),
            ["pb:provider-pacts-for-verification"] = hal.Templated("/pacts/provider/{provider}/for-verification", "Pact versions to be verified for the specified provider"),
            ["beta:provider-pacts-for-verification"] = hal.Templated("/pacts/provider/{provider}/for-verification", "DEPRECATED - please use pb:provider-pacts-for-verification"),
            ["pb:environments"] = Hal.Link(hal.Url("environments"), title: "Environments"),
            ["pb:environment"] = hal.Templated("/environments/{uuid}", "Environment"),
            ["pb:can-i-deploy-pacticipant-version-to-environment"] = hal.Templated(
                "/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}",
                "Determine if an application version can be safely deployed to an environment"),
            ["curies"] = new JsonArray(new JsonObject { ["name"] = "pb", ["href"] = hal.Base + "/doc/{rel}?context=index", ["templated"] = true }),
        },
    };

    private static IResult PublishContracts(PactBrokerStore store, Hal hal, JsonObject? body)
    {
        if (body is null)
            return Hal.Errors(StatusCodes.Status400BadRequest, "body", "must be a JSON object");
        var pacticipantName = body["pacticipantName"]?.GetValue<string>();
        var versionNumber = body["pacticipantVersionNumber"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(pacticipantName))
            return Hal.Errors(StatusCodes.Status400BadRequest, "pacticipantName", "is missing");
        if (string.IsNullOrWhiteSpace(versionNumber))
            return Hal.Errors(StatusCodes.Status400BadRequest, "pacticipantVersionNumber", "is missing");
        if (body["contracts"] is not JsonArray contracts || contracts.Count == 0)
            return Hal.Errors(StatusCodes.Status400BadRequest, "contracts", "must contain at least one contract");

        var decoded = new List<(string Provider, string Content)>();
        foreach (var contract in contracts.OfType<JsonObject>())
        {
            var consumerName = contract["consumerName"]?.GetValue<string>();
            var providerName = contract["providerName"]?.GetValue<string>();
            if (consumerName != pacticipantName)
                return Hal.Errors(StatusCodes.Status400BadRequest, "contracts", $"consumerName '{consumerName}' must match pacticipantName '{pacticipantName}'");
            if (string.IsNullOrWhiteSpace(providerName))
                return Hal.Errors(StatusCodes.Status400BadRequest, "contracts", "providerName is missing");
            if (contract["specification"]?.GetValue<string>() != "pact")
                return Hal.Errors(StatusCodes.Status400BadRequest, "contracts", "specification must be 'pact'");
            JsonObject? pact;
            try
            {
                pact = JsonNode.Parse(Convert.FromBase64String(contract["content"]?.GetValue<string>() ?? "")) as JsonObject;
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                return Hal.Errors(StatusCodes.Status400BadRequest, "contracts", $"content is not base64-encoded JSON: {e.Message}");
            }

            if (pact?["consumer"]?["name"]?.GetValue<string>() != consumerName || pact["provider"]?["name"]?.GetValue<string>() != providerName)
                return Hal.Errors(StatusCodes.Status400BadRequest, "contracts", "consumer and provider names in the pact content must match consumerName and providerName");
            decoded.Add((providerName, pact.ToJsonString()));
        }

        lock (store.Gate)
        {
            var existing = store.FindVersion(pacticipantName, versionNumber);
            foreach (var (provider, content) in decoded)
            {
                if (existing is not null && store.PublicationFor(existing, provider) is { } previous && previous.Sha != PactBrokerStore.ContentSha(content))
                {
                    // The real broker refuses to change the pact of a published version (409 with an error notice).
                    return Hal.Json(new JsonObject
                    {
                        ["notices"] = new JsonArray(new JsonObject { ["type"] = "error", ["text"] = $"Cannot change the content of the pact for {pacticipantName} version {versionNumber} and provider {provider}, as race conditions will cause unreliable results for can-i-deploy. Each pact must be published with a unique consumer version number." }),
                        ["errors"] = new JsonObject { ["content"] = new JsonArray("pact content has changed for an existing consumer version") },
                    }, StatusCodes.Status409Conflict);
                }
            }

            var version = store.GetOrCreateVersion(pacticipantName, versionNumber);
            if (body["branch"]?.GetValue<string>() is { Length: > 0 } branch)
                PactBrokerStore.AddBranch(version, branch);
            foreach (var tag in (body["tags"] as JsonArray ?? []).Select(t => t?.GetValue<string>()).OfType<string>())
            {
                if (!version.Tags.Contains(tag))
                    version.Tags.Add(tag);
            }

            version.BuildUrl = body["buildUrl"]?.GetValue<string>() ?? version.BuildUrl;

            var notices = new JsonArray();
            var contractLinks = new JsonArray();
            foreach (var (provider, content) in decoded)
            {
                var publication = StorePact(store, version, provider, content);
                notices.Add(new JsonObject { ["type"] = "success", ["text"] = $"Pact successfully published for {pacticipantName} version {versionNumber} and provider {provider}." });
                contractLinks.Add(Hal.Link(PactUrl(hal, publication), $"Pact between {pacticipantName} ({versionNumber}) and {provider}", "Pact"));
            }

            var pacticipantUrl = hal.Url("pacticipants", pacticipantName);
            var versionUrl = hal.Url("pacticipants", pacticipantName, "versions", versionNumber);
            var embeddedVersion = VersionSummary(version);
            embeddedVersion["_links"] = new JsonObject { ["self"] = Hal.Link(versionUrl, versionNumber, "Version") };
            // The Rust CLI reads this whole shape (logs, titled links, embedded self links); anything missing makes it
            // warn "Failed to process response notices" and drop the notices.
            return Hal.Json(new JsonObject
            {
                ["notices"] = notices,
                ["logs"] = new JsonArray(),
                ["_embedded"] = new JsonObject
                {
                    ["pacticipant"] = new JsonObject
                    {
                        ["name"] = pacticipantName,
                        ["_links"] = new JsonObject { ["self"] = Hal.Link(pacticipantUrl) },
                    },
                    ["version"] = embeddedVersion,
                },
                ["_links"] = new JsonObject
                {
                    ["pb:pacticipant"] = Hal.Link(pacticipantUrl, pacticipantName, "Pacticipant"),
                    ["pb:pacticipant-version"] = Hal.Link(versionUrl, versionNumber, "Pacticipant version"),
                    ["pb:pacticipant-version-tags"] = new JsonArray([.. version.Tags.Select(t => (JsonNode)Hal.Link(hal.Url("pacticipants", pacticipantName, "versions", versionNumber, "tags", t), t, "Tag"))]),
                    ["pb:contracts"] = contractLinks,
                },
            });
        }
    }

    private static IResult PublishPactLegacy(PactBrokerStore store, Hal hal, string provider, string consumer, string version, JsonObject? pact)
    {
        if (pact is null)
            return Hal.Errors(StatusCodes.Status400BadRequest, "body", "must be the pact JSON");
        lock (store.Gate)
        {
            var publication = StorePact(store, store.GetOrCreateVersion(consumer, version), provider, pact.ToJsonString());
            return Hal.Json(PactResource(store, hal, publication), StatusCodes.Status201Created);
        }
    }

    private static PactPublication StorePact(PactBrokerStore store, PacticipantVersion consumerVersion, string provider, string content)
    {
        store.GetOrCreatePacticipant(provider);
        var sha = PactBrokerStore.ContentSha(content);
        store.PactContents[sha] = content;
        var publication = store.PublicationFor(consumerVersion, provider);
        if (publication is null)
        {
            publication = new PactPublication(consumerVersion.Pacticipant.Name, provider, consumerVersion, sha, DateTimeOffset.UtcNow);
            store.Publications.Add(publication);
        }

        return publication;
    }

    private static IResult PactByConsumerVersion(PactBrokerStore store, Hal hal, string provider, string consumer, string version)
    {
        lock (store.Gate)
        {
            var consumerVersion = store.FindVersion(consumer, version);
            var publication = consumerVersion is null ? null : store.PublicationFor(consumerVersion, provider);
            return publication is null
                ? Hal.NotFound($"pact between {consumer} ({version}) and {provider}")
                : Hal.Json(PactResource(store, hal, publication));
        }
    }

    private static IResult PactByContent(PactBrokerStore store, Hal hal, string provider, string consumer, string sha)
    {
        lock (store.Gate)
        {
            var publication = store.PublicationsFor(provider, consumer).FirstOrDefault(p => p.Sha == sha);
            return publication is null
                ? Hal.NotFound($"pact version {sha} between {consumer} and {provider}")
                : Hal.Json(PactResource(store, hal, publication));
        }
    }

    public static string PactUrl(Hal hal, PactPublication publication) =>
        hal.Url("pacts", "provider", publication.Provider, "consumer", publication.Consumer, "version", publication.ConsumerVersion.Number);

    public static string PactVersionUrl(Hal hal, string provider, string consumer, string sha) =>
        hal.Url("pacts", "provider", provider, "consumer", consumer, "pact-version", sha);

    /// <summary>The pact JSON plus createdAt and the _links of pact_decorator.rb that the verifier follows.</summary>
    private static JsonObject PactResource(PactBrokerStore store, Hal hal, PactPublication publication)
    {
        var pact = (JsonObject)JsonNode.Parse(store.PactContents[publication.Sha])!;
        var pactVersionUrl = PactVersionUrl(hal, publication.Provider, publication.Consumer, publication.Sha);
        var consumerVersion = publication.ConsumerVersion.Number;
        pact["createdAt"] = publication.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
        pact["_links"] = new JsonObject
        {
            ["self"] = Hal.Link(PactUrl(hal, publication), $"Pact between {publication.Consumer} ({consumerVersion}) and {publication.Provider}", "Pact"),
            ["pb:consumer"] = Hal.Link(hal.Url("pacticipants", publication.Consumer), publication.Consumer, "Consumer"),
            ["pb:consumer-version"] = Hal.Link(hal.Url("pacticipants", publication.Consumer, "versions", consumerVersion), consumerVersion, "Consumer version"),
            ["pb:provider"] = Hal.Link(hal.Url("pacticipants", publication.Provider), publication.Provider, "Provider"),
            ["pb:pact-version"] = Hal.Link(pactVersionUrl, publication.Sha, "Pact content version permalink"),
            ["pb:publish-verification-results"] = Hal.Link(pactVersionUrl + "/verification-results", title: "Publish verification results"),
            ["pb:latest-verification-results"] = Hal.Link(pactVersionUrl + "/verification-results/latest", title: "Latest verification results"),
            ["pb:matrix-for-consumer-version"] = Hal.Link(
                $"{hal.Base}/matrix?q[][pacticipant]={Uri.EscapeDataString(publication.Consumer)}&q[][version]={Uri.EscapeDataString(consumerVersion)}&latestby=cvp",
                title: "View matrix rows for the consumer version to which this pact belongs"),
        };
        return pact;
    }

    private static IResult PublishVerification(PactBrokerStore store, Hal hal, string provider, string consumer, string sha, JsonObject? body)
    {
        if (body?["success"] is not JsonValue successNode || !successNode.TryGetValue<bool>(out var success))
            return Hal.Errors(StatusCodes.Status400BadRequest, "success", "must be true or false");
        var providerVersionNumber = body["providerApplicationVersion"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(providerVersionNumber))
            return Hal.Errors(StatusCodes.Status400BadRequest, "providerApplicationVersion", "is missing");

        lock (store.Gate)
        {
            if (!store.PublicationsFor(provider, consumer).Any(p => p.Sha == sha))
                return Hal.NotFound($"pact version {sha} between {consumer} and {provider}");
            var providerVersion = store.GetOrCreateVersion(provider, providerVersionNumber);
            var number = store.Verifications.Count(v => v.Sha == sha) + 1;
            var record = new VerificationRecord(store.NextSequence(), number, consumer, provider, sha, providerVersion, success,
                body["buildUrl"]?.GetValue<string>(), DateTimeOffset.UtcNow);
            store.Verifications.Add(record);
            return Hal.Json(VerificationResource(hal, record), StatusCodes.Status201Created);
        }
    }

    private static IResult GetVerification(PactBrokerStore store, Hal hal, string provider, string consumer, string sha, string number)
    {
        lock (store.Gate)
        {
            var candidates = store.Verifications.Where(v => v.Provider == provider && v.Consumer == consumer && v.Sha == sha);
            var record = number == "latest"
                ? candidates.MaxBy(v => v.Sequence)
                : candidates.FirstOrDefault(v => v.Number.ToString(CultureInfo.InvariantCulture) == number);
            return record is null ? Hal.NotFound($"verification result {number} for pact version {sha}") : Hal.Json(VerificationResource(hal, record));
        }
    }

    public static string VerificationUrl(Hal hal, VerificationRecord record) =>
        PactVersionUrl(hal, record.Provider, record.Consumer, record.Sha) + "/verification-results/" + record.Number.ToString(CultureInfo.InvariantCulture);

    private static JsonObject VerificationResource(Hal hal, VerificationRecord record) => new()
    {
        ["providerName"] = record.Provider,
        ["providerApplicationVersion"] = record.ProviderVersion.Number,
        ["success"] = record.Success,
        ["verifiedAt"] = record.VerifiedAt.ToString("O", CultureInfo.InvariantCulture),
        ["buildUrl"] = record.BuildUrl,
        ["_links"] = new JsonObject
        {
            ["self"] = Hal.Link(VerificationUrl(hal, record), title: "Verification result"),
            ["pb:pact-version"] = Hal.Link(PactVersionUrl(hal, record.Provider, record.Consumer, record.Sha), title: "Pact"),
        },
    };

    private static IResult Pacticipants(PactBrokerStore store, Hal hal)
    {
        lock (store.Gate)
        {
            var all = new JsonArray([.. store.Pacticipants.Select(p => (JsonNode)PacticipantResource(hal, p))]);
            return Hal.Json(new JsonObject
            {
                ["_embedded"] = new JsonObject { ["pacticipants"] = all },
                ["_links"] = new JsonObject { ["self"] = Hal.Link(hal.Url("pacticipants")) },
            });
        }
    }

    private static IResult GetPacticipant(PactBrokerStore store, Hal hal, string name)
    {
        lock (store.Gate)
        {
            return store.FindPacticipant(name) is { } pacticipant
                ? Hal.Json(PacticipantResource(hal, pacticipant))
                : Hal.NotFound($"pacticipant {name}");
        }
    }

    private static JsonObject PacticipantResource(Hal hal, Pacticipant pacticipant)
    {
        var name = Uri.EscapeDataString(pacticipant.Name);
        return new JsonObject
        {
            ["name"] = pacticipant.Name,
            ["displayName"] = pacticipant.Name,
            ["mainBranch"] = pacticipant.MainBranch,
            ["createdAt"] = pacticipant.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["_links"] = new JsonObject
            {
                ["self"] = Hal.Link(hal.Url("pacticipants", pacticipant.Name)),
                ["pb:version"] = hal.Templated($"/pacticipants/{name}/versions/{{version}}", $"Get, create or delete a pacticipant version"),
                ["pb:version-tag"] = hal.Templated($"/pacticipants/{name}/versions/{{version}}/tags/{{tag}}", $"Get, create or delete a tag for a version of {pacticipant.Name}"),
                // The verifier follows pb:provider -> pb:branch-version to record the provider branch; without this
                // link pact-reference silently skips publishing verification results.
                ["pb:branch-version"] = hal.Templated($"/pacticipants/{name}/branches/{{branch}}/versions/{{version}}", $"Get or add/create a version for a branch of {pacticipant.Name}"),
            },
        };
    }

    private static IResult GetVersion(PactBrokerStore store, Hal hal, string pacticipant, string number)
    {
        lock (store.Gate)
        {
            return store.FindVersion(pacticipant, number) is { } version
                ? Hal.Json(VersionResource(store, hal, version))
                : Hal.NotFound($"version {number} of {pacticipant}");
        }
    }

    private static JsonObject VersionSummary(PacticipantVersion version) => new()
    {
        ["number"] = version.Number,
        ["branch"] = version.Branches.LastOrDefault(),
        ["buildUrl"] = version.BuildUrl,
        ["createdAt"] = version.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>version_decorator.rb: record-deployment is an array of links, one per environment, named by environment.</summary>
    private static JsonObject VersionResource(PactBrokerStore store, Hal hal, PacticipantVersion version)
    {
        var name = version.Pacticipant.Name;
        var resource = VersionSummary(version);
        resource["_embedded"] = new JsonObject
        {
            ["branchVersions"] = new JsonArray([.. version.Branches.Select(b => (JsonNode)new JsonObject { ["name"] = b })]),
            ["tags"] = new JsonArray([.. version.Tags.Select(t => (JsonNode)new JsonObject { ["name"] = t })]),
        };
        resource["_links"] = new JsonObject
        {
            ["self"] = Hal.Link(hal.Url("pacticipants", name, "versions", version.Number), version.Number, "Version"),
            ["pb:pacticipant"] = Hal.Link(hal.Url("pacticipants", name), name, "Pacticipant"),
            ["pb:record-deployment"] = new JsonArray([.. store.Environments.Select(e => (JsonNode)Hal.Link(
                hal.Url("pacticipants", name, "versions", version.Number, "deployed-versions", "environment", e.Uuid),
                e.Name, $"Record deployment to {e.DisplayName}"))]),
        };
        return resource;
    }

    private static IResult RecordDeployment(PactBrokerStore store, Hal hal, string pacticipant, string number, string uuid, JsonObject? body)
    {
        lock (store.Gate)
        {
            var version = store.FindVersion(pacticipant, number);
            if (version is null)
                return Hal.NotFound($"version {number} of {pacticipant}");
            if (store.FindEnvironment(uuid) is not { } environment || environment.Uuid != uuid)
                return Hal.NotFound($"environment {uuid}");
            var instance = body?["applicationInstance"]?.GetValue<string>();
            // A new deployment replaces the one of the same application instance in that environment.
            foreach (var previous in store.CurrentlyDeployed(pacticipant, environment).Where(d => d.ApplicationInstance == instance).ToList())
                previous.UndeployedAt = DateTimeOffset.UtcNow;
            var deployment = new DeployedVersion(Guid.NewGuid().ToString(), environment, version, instance);
            store.Deployments.Add(deployment);
            return Hal.Json(DeployedVersionResource(hal, deployment), StatusCodes.Status201Created);
        }
    }

    private static JsonObject DeployedVersionResource(Hal hal, DeployedVersion deployment) => new()
    {
        ["uuid"] = deployment.Uuid,
        ["currentlyDeployed"] = deployment.UndeployedAt is null,
        ["applicationInstance"] = deployment.ApplicationInstance,
        ["target"] = deployment.ApplicationInstance,
        ["createdAt"] = deployment.DeployedAt.ToString("O", CultureInfo.InvariantCulture),
        ["undeployedAt"] = deployment.UndeployedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["_embedded"] = new JsonObject
        {
            ["pacticipant"] = new JsonObject { ["name"] = deployment.Version.Pacticipant.Name },
            ["version"] = VersionSummary(deployment.Version),
            ["environment"] = new JsonObject { ["uuid"] = deployment.Environment.Uuid, ["name"] = deployment.Environment.Name },
        },
        ["_links"] = new JsonObject
        {
            ["self"] = Hal.Link(hal.Url("deployed-versions", deployment.Uuid)),
            ["pb:environment"] = Hal.Link(hal.Url("environments", deployment.Environment.Uuid), deployment.Environment.Name),
        },
    };

    private static IResult ListEnvironments(PactBrokerStore store, Hal hal, string? name)
    {
        lock (store.Gate)
        {
            var matching = store.Environments.Where(e => name is null || e.Name == name).ToList();
            return Hal.Json(new JsonObject
            {
                ["_embedded"] = new JsonObject { ["environments"] = new JsonArray([.. matching.Select(e => (JsonNode)EnvironmentResource(hal, e))]) },
                ["_links"] = new JsonObject
                {
                    ["self"] = Hal.Link(hal.Url("environments"), title: "Environments"),
                    ["pb:environments"] = new JsonArray([.. matching.Select(e => (JsonNode)Hal.Link(hal.Url("environments", e.Uuid), e.Name, e.DisplayName))]),
                },
            });
        }
    }

    private static IResult CreateEnvironment(PactBrokerStore store, Hal hal, JsonObject? body)
    {
        var name = body?["name"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace))
            return Hal.Errors(StatusCodes.Status400BadRequest, "name", "is missing or contains whitespace");
        lock (store.Gate)
        {
            if (store.Environments.Any(e => e.Name == name))
                return Hal.Errors(StatusCodes.Status409Conflict, "name", $"Another environment with name '{name}' already exists.");
            var environment = new BrokerEnvironment(Guid.NewGuid().ToString(), name, body!["displayName"]?.GetValue<string>() ?? name,
                body["production"]?.GetValue<bool>() ?? false, DateTimeOffset.UtcNow);
            store.Environments.Add(environment);
            return Hal.Json(EnvironmentResource(hal, environment), StatusCodes.Status201Created);
        }
    }

    private static JsonObject EnvironmentResource(Hal hal, BrokerEnvironment environment) => new()
    {
        ["uuid"] = environment.Uuid,
        ["name"] = environment.Name,
        ["displayName"] = environment.DisplayName,
        ["production"] = environment.Production,
        ["createdAt"] = environment.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["_links"] = new JsonObject
        {
            ["self"] = Hal.Link(hal.Url("environments", environment.Uuid), environment.Name),
            ["pb:currently-deployed-deployed-versions"] = Hal.Link(hal.Url("environments", environment.Uuid, "deployed-versions", "currently-deployed"), title: "Versions currently deployed to this environment"),
            ["pb:environments"] = Hal.Link(hal.Url("environments"), title: "Environments"),
        },
    };

    private static IResult CurrentlyDeployed(PactBrokerStore store, Hal hal, string uuid, string? pacticipant)
    {
        lock (store.Gate)
        {
            if (store.FindEnvironment(uuid) is not { } environment)
                return Hal.NotFound($"environment {uuid}");
            var deployed = store.CurrentlyDeployed(pacticipant, environment).Select(d => (JsonNode)DeployedVersionResource(hal, d));
            return Hal.Json(new JsonObject
            {
                ["_embedded"] = new JsonObject { ["deployedVersions"] = new JsonArray([.. deployed]) },
                ["_links"] = new JsonObject { ["self"] = Hal.Link(hal.Url("environments", uuid, "deployed-versions", "currently-deployed"), title: $"Currently deployed versions in {environment.DisplayName}") },
            });
        }
    }

    /// <summary>Splits a raw query string into ordered pairs; order matters for the matrix's repeated q[] keys.</summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string? query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = part.IndexOf('=', StringComparison.Ordinal);
            var key = at < 0 ? part : part[..at];
            var value = at < 0 ? "" : part[(at + 1)..];
            pairs.Add(new(Decode(key), Decode(value)));
        }

        return pairs;

        static string Decode(string s) => Uri.UnescapeDataString(new StringBuilder(s).Replace('+', ' ').ToString());
    }
}
