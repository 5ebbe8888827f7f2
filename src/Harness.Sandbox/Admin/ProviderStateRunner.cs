using System.Text.Json.Nodes;
using Harness.Sandbox.Api;
using Harness.Sandbox.Domain;
using Microsoft.AspNetCore.Http;

namespace Harness.Sandbox.Admin;

/// <summary>
/// Sets up provider states by driving the real handlers (so state entities are exactly what the API would make),
/// then re-keys the result to the id the pact asked for.
/// </summary>
internal sealed class ProviderStateRunner(AirlineSandbox sandbox)
{
    private readonly AirlineHandlers _handlers = new(sandbox);

    private SandboxState State => sandbox.State;

    /// <summary>Runs one state; returns the parameters in effect (given or generated), for the verifier.</summary>
    public JsonObject Setup(string state, JsonObject parameters)
    {
        var result = (JsonObject)parameters.DeepClone();
        switch (state)
        {
            case ProviderStates.SessionExists:
                var sessionId = Param(parameters, ProviderStateParams.SessionId) ?? Guid.NewGuid().ToString();
                State.Sessions.Put(sessionId, new Session(sandbox.Now));
                result[ProviderStateParams.SessionId] = sessionId;
                break;
            case ProviderStates.CfarOfferExists:
                result[ProviderStateParams.OfferId] = Offer(Products.Cfar, Param(parameters, ProviderStateParams.OfferId)).Id;
                break;
            case ProviderStates.DgOfferExists:
                result[ProviderStateParams.OfferId] = Offer(Products.Dg, Param(parameters, ProviderStateParams.OfferId)).Id;
                break;
            case ProviderStates.CfarContractExists:
                result[ProviderStateParams.ContractId] = Contract(Products.Cfar, parameters, Param(parameters, ProviderStateParams.Status) ?? "created").Id;
                break;
            case ProviderStates.DgContractExists:
                result[ProviderStateParams.ContractId] = Contract(Products.Dg, parameters, Param(parameters, ProviderStateParams.Status) ?? "created").Id;
                break;
            case ProviderStates.ConfirmedCfarContractExists:
                result[ProviderStateParams.ContractId] = Contract(Products.Cfar, parameters, "confirmed").Id;
                break;
            case ProviderStates.CfarExerciseExists:
                CfarExercise(parameters, result, completed: false);
                break;
            case ProviderStates.CompletedCfarExerciseExists:
                CfarExercise(parameters, result, completed: true);
                break;
            case ProviderStates.DgExerciseExists:
                DgExercise(parameters, result);
                break;
            case ProviderStates.PaymentWillBeDeclined:
                sandbox.DeclineAllPayments = true;
                break;
            case ProviderStates.OperationAnswers204:
                sandbox.SetNotPerformed(Required(parameters, ProviderStateParams.OperationId), true);
                break;
            case ProviderStates.ClientLacksProduct:
                var product = Required(parameters, ProviderStateParams.Product);
                if (product is not (Products.Cfar or Products.Dg))
                {
                    throw new ArgumentException($"product must be \"cfar\" or \"dg\", not \"{product}\".");
                }

                sandbox.WithheldProducts[product] = true;
                break;
            case ProviderStates.ValidTokenExists:
                var products = parameters[ProviderStateParams.Products] is JsonArray list ? list.Select(p => (string)p!).ToArray() : [Products.Cfar, Products.Dg];
                sandbox.Tokens.Register(Required(parameters, ProviderStateParams.Token), TokenStore.ProviderStateClient, products, sandbox.Options.TokenLifetime);
                break;
            default:
                throw new ArgumentException($"Unknown provider state \"{state}\". Known states: {string.Join("; ", ProviderStates.Names)}.");
        }

        return result;
    }

    /// <summary>A new offer of the product, under <paramref name="id"/> when given, with the id it is stored under.</summary>
    private (string Id, Offer Offer) Offer(string product, string? id)
    {
        var now = sandbox.Now;
        var body = new JsonObject
        {
            ["itinerary"] = new JsonArray(StandardItinerary.Build(product, now)),
            ["request_type"] = "fare",
            ["ext_attributes"] = new JsonObject(),
        };
        var request = new OperationRequest(new DefaultHttpContext(), body, null, false, now);
        var created = _handlers.Offers(product).Post(request);
        var generated = (string)JsonNode.Parse(created.RawJson!.Value.Span)![0]!["id"]!;
        State.Offers.TryGet(generated, out var offer);
        if (id is null)
        {
            return (generated, offer);
        }

        State.Offers.Remove(generated);
        var renamed = offer.Body();
        renamed["id"] = id;
        var rekeyed = offer with { Json = ApiResult.Utf8(renamed) };
        State.Offers.Put(id, rekeyed);
        return (id, rekeyed);
    }

    private Contract Contract(string product, JsonObject parameters, string status)
    {
        var statuses = ProductRules.For(product).Statuses;
        if (!statuses.Contains(status))
        {
            throw new ArgumentException($"status must be one of [{string.Join(", ", statuses)}], not \"{status}\".");
        }

        var offer = Offer(product, Param(parameters, ProviderStateParams.OfferId));
        var body = new JsonObject
        {
            ["offer_ids"] = new JsonArray(offer.Id),
            ["itinerary"] = offer.Offer.Body()["itinerary"]!.DeepClone(),
            ["ext_attributes"] = new JsonObject(),
            ["pnr_reference"] = Param(parameters, ProviderStateParams.PnrReference) ?? "ABC123",
        };
        var request = new OperationRequest(new DefaultHttpContext(), body, null, false, sandbox.Now);
        var created = _handlers.Contracts(product).Post(request);
        var generated = (string)created.Json!["id"]!;
        State.Contracts.TryGet(generated, out var contract);
        var id = Param(parameters, ProviderStateParams.ContractId) ?? generated;
        var json = contract!.Snapshot();
        json["id"] = id;
        json["status"] = status;
        State.Contracts.Remove(generated);
        var rekeyed = new Contract(id, product, json, contract.Coverage, contract.ServiceCap, contract.ExpiresAt);
        State.Contracts.Put(id, rekeyed);
        return rekeyed;
    }

    private void CfarExercise(JsonObject parameters, JsonObject result, bool completed)
    {
        var contract = Contract(Products.Cfar, parameters, "confirmed");
        var http = SessionContext(parameters);
        var body = new JsonObject
        {
            [ProviderStateParams.ContractId] = contract.Id,
            ["pnr_reference"] = "ABC123",
            ["ext_attributes"] = new JsonObject(),
            ["itinerary"] = new JsonObject { ["slices"] = contract.Snapshot()["itinerary"]!["slices"]!.DeepClone() },
        };
        var created = _handlers.CfarExercises.Create(new OperationRequest(http, body, null, false, sandbox.Now));
        var generated = (string)created.Json!["id"]!;
        State.CfarExercises.TryGet(generated, out var exercise);
        var id = Param(parameters, ProviderStateParams.ExerciseId) ?? generated;
        var json = exercise!.Snapshot();
        json["id"] = id;
        State.CfarExercises.Remove(generated);
        sandbox.ExerciseByVerificationCode.TryRemove(exercise.RedirectionToken, out _);
        var rekeyed = new CfarExercise(id, contract, exercise.SessionId, exercise.CashAllowance, exercise.FtcAllowance, json);
        contract.ExerciseId = id;
        State.CfarExercises.Put(id, rekeyed);
        sandbox.ExerciseByVerificationCode[rekeyed.RedirectionToken] = id;
        if (Param(parameters, ProviderStateParams.VerificationCode) is { } code)
        {
            sandbox.ExerciseByVerificationCode[code] = id;
        }

        if (completed)
        {
            _handlers.CfarExercises.MarkCompleted(new OperationRequest(new DefaultHttpContext(), new JsonObject(), id, false, sandbox.Now));
        }

        result[ProviderStateParams.ExerciseId] = id;
        result[ProviderStateParams.ContractId] = contract.Id;
        result[ProviderStateParams.VerificationCode] = Param(parameters, ProviderStateParams.VerificationCode) ?? rekeyed.RedirectionToken;
        if (rekeyed.SessionId is { } session)
        {
            result[ProviderStateParams.SessionId] = session;
        }
    }

    private void DgExercise(JsonObject parameters, JsonObject result)
    {
        var contract = Contract(Products.Dg, parameters, "confirmed");
        var segment = (JsonObject)contract.Snapshot()["itinerary"]!["slices"]![0]!["segments"]![0]!.DeepClone();
        segment.Remove("fare_brand");
        segment.Remove("segment_id");
        segment["estimated_departure_date_time"] = segment["departure_date_time"]!.DeepClone();
        segment["estimated_arrival_date_time"] = segment["arrival_date_time"]!.DeepClone();
        segment["flight_status"] = "cancelled";
        var body = new JsonObject
        {
            [ProviderStateParams.ContractId] = contract.Id,
            ["pnr_reference"] = "ABC123",
            ["itinerary"] = new JsonObject
            {
                ["passenger_count"] = new JsonArray(new JsonObject { ["count"] = 1, ["passenger_type"] = "adult" }),
                ["slices"] = new JsonArray(new JsonObject { ["segments"] = new JsonArray(segment), ["irop"] = true }),
            },
        };
        var created = _handlers.DgExercises.Create(new OperationRequest(SessionContext(parameters), body, null, false, sandbox.Now));
        var generated = (string)created.Json!["id"]!;
        State.DgExercises.TryGet(generated, out var exercise);
        var id = Param(parameters, ProviderStateParams.ExerciseId) ?? generated;
        State.DgExercises.Remove(generated);
        contract.ExerciseId = id;
        State.DgExercises.Put(id, exercise! with { Id = id });
        result[ProviderStateParams.ExerciseId] = id;
        result[ProviderStateParams.ContractId] = contract.Id;
        result[ProviderStateParams.SessionId] = exercise.SessionId;
    }

    /// <summary>A request context carrying HC-Session-ID when the state names a session (created if new).</summary>
    private DefaultHttpContext SessionContext(JsonObject parameters)
    {
        var http = new DefaultHttpContext();
        if (Param(parameters, ProviderStateParams.SessionId) is { } sessionId)
        {
            if (!State.HasSession(sessionId))
            {
                State.Sessions.Put(sessionId, new Session(sandbox.Now));
            }

            http.Request.Headers["HC-Session-ID"] = sessionId;
        }

        return http;
    }

    private static string? Param(JsonObject parameters, string name) => parameters[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => other.ToJsonString(),
    };

    private static string Required(JsonObject parameters, string name) =>
        Param(parameters, name) ?? throw new ArgumentException($"This provider state needs the parameter \"{name}\".");
}
