using System.Text.Json.Nodes;
using Harness.Sandbox.Domain;
using Harness.Sandbox.Receipts;

namespace Harness.Sandbox.Api;

internal sealed partial class AirlineHandlers
{
    public ApiResult PostDgOffers(OperationRequest request)
    {
        var body = request.Object;
        var itineraries = body["itinerary"]!.AsArray();
        if (itineraries.Count == 0)
        {
            throw ApiException.Unprocessable("itinerary", "min_items", "itinerary must contain at least one itinerary to price.");
        }

        var offers = new List<Offer>();
        for (var i = 0; i < itineraries.Count; i++)
        {
            var field = $"itinerary[{i}]";
            var facts = Pricing.Read(request.Root.GetProperty("itinerary"u8)[i], field);
            var maxHours = Pricing.DgMaxHoursBeforeDeparture(facts, request.Now);
            // A DG contract must be bought before its cover starts; it ends a day after the last arrival.
            var purchaseDeadline = facts.FirstDeparture - TimeSpan.FromHours(maxHours);
            EnsureBookable(purchaseDeadline, request.Now, field, "DG");
            var contractExpiry = facts.LastArrival + TimeSpan.FromDays(1);
            var perPassenger = Pricing.DgPremiumPerPassenger(facts, request.Now);
            var serviceCap = Pricing.DgServiceCap(facts);
            var premium = perPassenger * facts.Passengers;
            var coverage = serviceCap * facts.Passengers;
            var offer = new JsonObject
            {
                ["id"] = NewId(),
                ["premium"] = Pricing.Money(premium),
                ["premium_per_passenger"] = Pricing.Money(perPassenger),
                ["coverage"] = Pricing.Money(coverage),
                ["coverage_percentage"] = "100.00",
                ["service_cap"] = Pricing.Money(serviceCap),
                ["currency"] = facts.Currency,
                ["taxes_total"] = "0.00",
                ["request_type"] = (string)body["request_type"]!,
                ["max_hours_before_departure"] = maxHours,
                ["min_minutes_delay"] = Pricing.DgMinMinutesDelay,
                ["created_date_time"] = Pricing.Timestamp(request.Now),
                ["contract_expiry_date_time"] = Pricing.Timestamp(contractExpiry),
                ["itinerary"] = itineraries[i]!.DeepClone(),
                ["ext_attributes"] = body["ext_attributes"]!.DeepClone(),
                ["experiments"] = new JsonObject(),
                ["contents"] = Contents(Products.Dg, (string?)body["session"]?["language"]),
                ["terms_conditions_url"] = "https://sandbox.invalid/dg/terms",
                ["faq_url"] = "https://sandbox.invalid/dg/faq",
            };
            if (body["entry_point"] is JsonValue entryPoint)
            {
                offer["entry_point"] = entryPoint.DeepClone();
            }

            offers.Add(new Offer((string)offer["id"]!, Products.Dg, ApiResult.Utf8(offer), facts.Fingerprint, facts.Currency, premium, coverage, serviceCap,
                Min(request.Now + sandbox.Options.OfferLifetime, purchaseDeadline), contractExpiry));
        }

        var session = PlanSession(request, createWhenAbsent: true);
        CommitSession(session, request.Now);
        foreach (var offer in offers)
        {
            State.Offers.TryAdd(offer.Id, offer);
        }

        return ApiResult.Raw(201, ApiResult.Utf8Array(offers.Select(o => o.Json).ToList()), session.Id);
    }

    public ApiResult PostDgContracts(OperationRequest request)
    {
        var body = request.Object;
        var facts = Pricing.Read(request.Root.GetProperty("itinerary"u8), "itinerary");
        var offers = MatchOffers(body, facts, Products.Dg, request.Now);
        if (request.NotPerformed)
        {
            return ApiResult.NoContent;
        }

        var id = NewId();
        var expiry = offers.Min(o => o.ContractExpiresAt);
        var first = offers[0].Body();
        var contract = new JsonObject
        {
            ["id"] = id,
            ["reference"] = NewReference(),
            ["status"] = "created",
            // dg_contract.offers holds dg_offer, which is the offer item minus premium_per_passenger.
            ["offers"] = new JsonArray(offers.Select(o =>
            {
                var offer = o.Body();
                offer.Remove("premium_per_passenger");
                return (JsonNode)offer;
            }).ToArray()),
            ["itinerary"] = body["itinerary"]!.DeepClone(),
            ["coverage_percentage"] = first["coverage_percentage"]!.DeepClone(),
            ["coverage"] = Pricing.Money(offers.Sum(o => o.Coverage)),
            ["premium"] = Pricing.Money(offers.Sum(o => o.Premium)),
            ["service_cap"] = first["service_cap"]!.DeepClone(),
            ["currency"] = offers[0].Currency,
            ["taxes_total"] = "0.00",
            ["max_hours_before_departure"] = first["max_hours_before_departure"]!.DeepClone(),
            ["min_minutes_delay"] = first["min_minutes_delay"]!.DeepClone(),
            ["created_date_time"] = Pricing.Timestamp(request.Now),
            ["expiry_date_time"] = Pricing.Timestamp(expiry),
            ["ext_attributes"] = body["ext_attributes"]!.DeepClone(),
        };
        if ((string?)body["pnr_reference"] is { } pnr)
        {
            contract["pnr_reference"] = pnr;
        }

        var created = new Contract(id, Products.Dg, contract, offers.Sum(o => o.Coverage), offers[0].ServiceCap, expiry);
        State.Contracts.TryAdd(id, created);
        return new ApiResult(201, created.Snapshot());
    }

    public ApiResult GetDgContract(OperationRequest request) => new(200, FindContract(request.Id, Products.Dg).Snapshot());

    public ApiResult UpdateDgItinerarySlices(OperationRequest request)
    {
        var contract = FindContract(request.Id, Products.Dg);
        lock (contract.Gate)
        {
            EnsureOpen(contract);
            if (request.NotPerformed)
            {
                return ApiResult.NoContent;
            }

            // Spec: the body is a bare array of dg_itinerary_slice, not a wrapper object as for CFAR.
            contract.Body["itinerary"]!["slices"] = request.Body!.DeepClone();
            return new ApiResult(200, Clone(contract.Body));
        }
    }

    public ApiResult CreateDgExercise(OperationRequest request)
    {
        var body = request.Object;
        var contractId = (string)body["contract_id"]!;
        if (!State.Contracts.TryGet(contractId, out var contract) || contract.Product != Products.Dg)
        {
            throw ApiException.Unprocessable("contract_id", "unknown_contract", $"contract_id '{contractId}' is not a known DG contract.");
        }

        var passengers = body["itinerary"]!["passenger_count"]!.AsArray().Sum(p => (int)p!["count"]!);
        var session = PlanSession(request, createWhenAbsent: true);
        lock (contract.Gate)
        {
            if (contract.Status != "confirmed")
            {
                throw ApiException.Unprocessable("contract_id", "not_confirmed", $"Only a confirmed contract can be exercised; this one is \"{contract.Status}\".");
            }

            if (contract.ExpiresAt <= request.Now)
            {
                throw ApiException.Unprocessable("contract_id", "contract_expired", $"The contract expired at {Pricing.Timestamp(contract.ExpiresAt)}.");
            }

            if (contract.ExerciseId is { } existing)
            {
                throw ApiException.Unprocessable("contract_id", "already_exercised", $"The contract was already exercised (exercise '{existing}').");
            }

            var id = NewId();
            CommitSession(session, request.Now);
            contract.ExerciseId = id;
            State.DgExercises.TryAdd(id, new DgExercise(id, contract, session.Id!, contract.ServiceCap * passengers, passengers, request.Now));
            return new ApiResult(201, new JsonObject
            {
                ["id"] = id,
                ["redirection_url"] = $"https://sandbox.invalid/dg/exercise/{id}",
            }, HtsSessionId: session.Id);
        }
    }

    public ApiResult GetDgExerciseSession(OperationRequest request) =>
        request.Id is not null && State.DgExercises.TryGet(request.Id, out var exercise)
            ? new ApiResult(200, new JsonObject { ["session_id"] = exercise.SessionId })
            : throw ApiException.NotFound();

    /// <summary>The DG receipt is found by verification-code (the DG exercise id) or by the exercise's session.</summary>
    public ApiResult GetDgPayoutReceipt(OperationRequest request)
    {
        DgExercise? exercise;
        if (request.Header("verification-code") is { } code)
        {
            State.DgExercises.TryGet(code, out exercise);
        }
        else if (request.Header(SessionHeader) is { } sessionId)
        {
            exercise = State.DgExercises.Values.Where(e => e.SessionId == sessionId).MaxBy(e => e.CreatedAt);
        }
        else
        {
            throw ApiException.Unprocessable("verification-code", "required", "Send the verification-code header (the DG exercise id) or the HC-Session-ID of the exercise's session.");
        }

        if (exercise is null)
        {
            throw ApiException.NotFound();
        }

        var pdf = PdfReceipt.Build("DG payout receipt", [
            $"Contract: {exercise.Contract.Id}",
            $"Exercise: {exercise.Id}",
            $"Passengers: {exercise.Passengers}",
            $"Payout amount: {Pricing.Money(exercise.Payout)} {exercise.Contract.Currency}",
            $"Created: {Pricing.Timestamp(exercise.CreatedAt)}",
        ]);
        return new ApiResult(200, Pdf: pdf, FileName: $"dg-receipt-{exercise.Id}.pdf");
    }
}
