using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Sandbox.Domain;
using Harness.Sandbox.Receipts;

namespace Harness.Sandbox.Api;

internal sealed partial class AirlineHandlers
{
    public ApiResult PostCfarOffers(OperationRequest request)
    {
        // The hot path of load runs: everything is read from the request document's elements, no node tree.
        var body = request.Root;
        var itineraries = body.GetProperty("itinerary"u8);
        if (itineraries.GetArrayLength() == 0)
        {
            throw ApiException.Unprocessable("itinerary", "min_items", "itinerary must contain at least one itinerary to price.");
        }

        var offers = new List<Offer>(itineraries.GetArrayLength());
        var i = 0;
        foreach (var itinerary in itineraries.EnumerateArray())
        {
            var field = $"itinerary[{i++}]";
            var facts = Pricing.Read(itinerary, field);
            var contractExpiry = facts.FirstDeparture - Pricing.CfarExerciseCutoff;
            EnsureBookable(contractExpiry, request.Now, field, "CFAR");
            var premium = Pricing.CfarPremium(facts, request.Now);
            var coverage = Pricing.CfarCoverage(facts);
            var id = NewId();
            var json = CfarOfferJson(id, body, itinerary, facts.Currency, premium, coverage, Pricing.CfarCoveragePercentage,
                contractExpiry, request.Now, "0.00", externalId: null);
            offers.Add(new Offer(id, Products.Cfar, json, facts.Fingerprint, facts.Currency, premium, coverage, 0m,
                Min(request.Now + sandbox.Options.OfferLifetime, contractExpiry), contractExpiry));
        }

        var session = PlanSession(request, createWhenAbsent: true);
        CommitSession(session, request.Now);
        foreach (var offer in offers)
        {
            State.Offers.TryAdd(offer.Id, offer);
        }

        return ApiResult.Raw(201, ApiResult.Utf8Array(offers.Select(o => o.Json).ToList()), session.Id);
    }

    public ApiResult PostCfarOffersExternal(OperationRequest request)
    {
        var body = request.Object;
        var facts = Pricing.Read(request.Root.GetProperty("itinerary"u8), "itinerary");
        var contractExpiry = DateTimeOffset.Parse((string)body["contract_expiry_date_time"]!, System.Globalization.CultureInfo.InvariantCulture);
        if (contractExpiry <= request.Now)
        {
            throw ApiException.Unprocessable("contract_expiry_date_time", "in_past", "contract_expiry_date_time must be in the future.");
        }

        var currency = (string)body["currency"]!;
        var premium = Pricing.ParseAmount((string)body["premium_total_amount"]!);
        var coverage = Pricing.ParseAmount((string)body["payout_total_amount"]!);
        // Spec scales differ: payout_percentage is 0–1 ("0.8"), coverage_percentage is 0–100 ("80.00").
        var percentage = Pricing.ParseAmount((string)body["payout_percentage"]!) * 100m;
        var id = NewId();
        var json = CfarOfferJson(id, request.Root, request.Root.GetProperty("itinerary"u8), currency, premium, coverage, percentage, contractExpiry, request.Now,
            (string)body["taxes_total"]!, externalId: (string)body["external_id"]!);
        var session = PlanSession(request, createWhenAbsent: true);
        CommitSession(session, request.Now);
        State.Offers.TryAdd(id, new Offer(id, Products.Cfar, json, facts.Fingerprint,
            currency, premium, coverage, 0m, Min(request.Now + sandbox.Options.OfferLifetime, contractExpiry), contractExpiry));
        return ApiResult.Raw(201, json, session.Id);
    }

    /// <summary>
    /// Writes a cfar_offer straight to UTF-8: the request's itinerary and ext_attributes are copied from the request
    /// document by the writer, with no intermediate tree (the offer path is the one load runs hammer). The external
    /// offer's ext_attributes are <c>{"external_id": ...}</c> instead.
    /// </summary>
    private static byte[] CfarOfferJson(string id, JsonElement request, JsonElement itinerary, string currency, decimal premium, decimal coverage, decimal percentage,
        DateTimeOffset contractExpiry, DateTimeOffset now, string taxesTotal, string? externalId)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("premium", Pricing.Money(premium));
            writer.WriteString("coverage", Pricing.Money(coverage));
            writer.WriteString("coverage_percentage", Pricing.Money(percentage));
            writer.WriteString("currency", currency);
            writer.WriteString("taxes_total", taxesTotal);
            // The external offer request carries no request_type; its offers are priced with the fare.
            writer.WriteString("request_type", request.TryGetProperty("request_type"u8, out var requestType) ? requestType.GetString() : "fare");
            writer.WriteString("contract_expiry_date_time", Pricing.Timestamp(contractExpiry));
            writer.WriteString("created_date_time", Pricing.Timestamp(now));
            writer.WritePropertyName("itinerary");
            itinerary.WriteTo(writer);
            writer.WritePropertyName("contents");
            writer.WriteRawValue(ContentsUtf8(Products.Cfar, SessionLanguage(request)), skipInputValidation: true);
            if (externalId is not null)
            {
                writer.WriteStartObject("ext_attributes");
                writer.WriteString("external_id", externalId);
                writer.WriteEndObject();
            }
            else if (request.TryGetProperty("ext_attributes"u8, out var extAttributes))
            {
                writer.WritePropertyName("ext_attributes");
                extAttributes.WriteTo(writer);
            }
            else
            {
                writer.WriteStartObject("ext_attributes");
                writer.WriteEndObject();
            }

            writer.WriteStartObject("experiments");
            writer.WriteEndObject();
            writer.WriteString("terms_conditions_url", "https://sandbox.invalid/cfar/terms");
            writer.WriteString("faq_url", "https://sandbox.invalid/cfar/faq");
            if (request.TryGetProperty("entry_point"u8, out var entryPoint))
            {
                writer.WriteString("entry_point", entryPoint.GetString());
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public ApiResult PostCfarContracts(OperationRequest request)
    {
        var body = request.Object;
        var facts = Pricing.Read(request.Root.GetProperty("itinerary"u8), "itinerary");
        var offers = MatchOffers(body, facts, Products.Cfar, request.Now);
        if (request.NotPerformed)
        {
            return ApiResult.NoContent;
        }

        var id = NewId();
        var expiry = offers.Min(o => o.ContractExpiresAt);
        var coverage = offers.Sum(o => o.Coverage);
        var contract = new JsonObject
        {
            ["id"] = id,
            ["reference"] = NewReference(),
            ["offers"] = new JsonArray(offers.Select(o => (JsonNode)o.Body()).ToArray()),
            ["itinerary"] = body["itinerary"]!.DeepClone(),
            ["coverage_percentage"] = offers[0].Body()["coverage_percentage"]!.DeepClone(),
            ["coverage"] = Pricing.Money(coverage),
            ["premium"] = Pricing.Money(offers.Sum(o => o.Premium)),
            ["currency"] = offers[0].Currency,
            ["taxes_total"] = "0.00",
            ["created_date_time"] = Pricing.Timestamp(request.Now),
            ["expiry_date_time"] = Pricing.Timestamp(expiry),
            ["status"] = "created",
            ["ext_attributes"] = body["ext_attributes"]!.DeepClone(),
            ["exercise_url"] = $"https://sandbox.invalid/cfar/exercise/{id}",
        };
        if ((string?)body["pnr_reference"] is { } pnr)
        {
            contract["pnr_reference"] = pnr;
        }

        var created = new Contract(id, Products.Cfar, contract, coverage, 0m, expiry);
        State.Contracts.TryAdd(id, created);
        return new ApiResult(201, created.Snapshot());
    }

    /// <summary>Offers named by offer_ids: all must exist, be of the product, be unexpired and match the itinerary.</summary>
    private List<Offer> MatchOffers(JsonObject body, ItineraryFacts facts, string product, DateTimeOffset now)
    {
        var ids = body["offer_ids"]!.AsArray();
        if (ids.Count == 0)
        {
            throw ApiException.Unprocessable("offer_ids", "min_items", "offer_ids must name at least one offer.");
        }

        var offers = new List<Offer>();
        for (var i = 0; i < ids.Count; i++)
        {
            var field = $"offer_ids[{i}]";
            var id = (string)ids[i]!;
            if (!State.Offers.TryGet(id, out var offer) || offer.Product != product)
            {
                throw ApiException.Unprocessable(field, "unknown_offer", $"{field} '{id}' is not a known {product.ToUpperInvariant()} offer.");
            }

            if (offer.ExpiresAt <= now)
            {
                throw ApiException.Unprocessable(field, "offer_expired", $"{field} '{id}' expired at {Pricing.Timestamp(offer.ExpiresAt)}.");
            }

            if (offer.ItineraryFingerprint != facts.Fingerprint)
            {
                throw ApiException.Unprocessable("itinerary", "itinerary_mismatch", $"itinerary does not match the itinerary of offer '{id}' (currency, passenger count and segments must be the same).");
            }

            if (offers.Any(o => o.Id == id))
            {
                throw ApiException.Unprocessable(field, "duplicate", $"{field} '{id}' is listed twice.");
            }

            offers.Add(offer);
        }

        return offers;
    }

    public ApiResult GetCfarContract(OperationRequest request) => new(200, FindContract(request.Id, Products.Cfar).Snapshot());

    public ApiResult UpdateCfarContractStatus(OperationRequest request) => UpdateStatus(request, Products.Cfar);

    public ApiResult UpdateDgContractStatus(OperationRequest request) => UpdateStatus(request, Products.Dg);

    private ApiResult UpdateStatus(OperationRequest request, string product)
    {
        var contract = FindContract(request.Id, product);
        var body = request.Object;
        var to = (string)body["status"]!;
        var pnr = (string?)body["pnr_reference"];
        if (to == "confirmed" && string.IsNullOrWhiteSpace(pnr))
        {
            // Spec: pnr_reference is "Mandatory only if new status is \"confirmed\"".
            throw ApiException.Unprocessable("pnr_reference", "required", "pnr_reference is required when the new status is \"confirmed\".");
        }

        lock (contract.Gate)
        {
            var from = contract.Status;
            if (!Transitions.IsAllowed(product, from, to))
            {
                throw ApiException.Unprocessable("status", "illegal_transition", $"status cannot change from \"{from}\" to \"{to}\".");
            }

            if (request.NotPerformed)
            {
                return ApiResult.NoContent;
            }

            contract.Status = to;
            if (pnr is not null)
            {
                contract.Body["pnr_reference"] = pnr;
            }

            if (body["forms_of_payment"] is JsonArray forms)
            {
                contract.FormsOfPayment = (JsonArray)forms.DeepClone();
            }

            return new ApiResult(200, Clone(contract.Body));
        }
    }

    public ApiResult UpdateCfarFormsOfPayment(OperationRequest request)
    {
        var contract = FindContract(request.Id, Products.Cfar);
        lock (contract.Gate)
        {
            EnsureOpen(contract);
            if (request.NotPerformed)
            {
                return ApiResult.NoContent;
            }

            contract.FormsOfPayment = (JsonArray)request.Object["forms_of_payment"]!.DeepClone();
            return new ApiResult(200, Clone(contract.Body));
        }
    }

    public ApiResult ProcessCfarPayment(OperationRequest request) =>
        ProcessPayment(request, Products.Cfar, (string)request.Object["payment_method_token"]!);

    public ApiResult ProcessDgPayment(OperationRequest request) =>
        ProcessPayment(request, Products.Dg, (string)request.Object["payment_token"]!);

    /// <summary>HTS as merchant of record: success confirms a created contract; a declined token changes nothing.</summary>
    private ApiResult ProcessPayment(OperationRequest request, string product, string token)
    {
        var contract = FindContract(request.Id, product);
        lock (contract.Gate)
        {
            if (contract.Status != "created")
            {
                throw ApiException.Unprocessable("status", "not_payable", $"Only a created contract can be paid; this one is \"{contract.Status}\".");
            }

            if (contract.ExpiresAt <= request.Now)
            {
                throw ApiException.Unprocessable("id", "contract_expired", $"The contract expired at {Pricing.Timestamp(contract.ExpiresAt)}.");
            }

            if (token == AirlineSandbox.DeclinePaymentToken || sandbox.DeclineAllPayments)
            {
                return new ApiResult(200, new JsonObject { ["succeeded"] = false });
            }

            contract.Status = "confirmed";
            contract.Body["pnr_reference"] = (string)request.Object["pnr_reference"]!;
            return new ApiResult(200, new JsonObject { ["succeeded"] = true });
        }
    }

    public ApiResult UpdateCfarItinerarySlices(OperationRequest request)
    {
        var contract = FindContract(request.Id, Products.Cfar);
        var body = request.Object;
        lock (contract.Gate)
        {
            EnsureOpen(contract);
            var itinerary = (JsonObject)contract.Body["itinerary"]!;
            var pricing = itinerary["passenger_pricing"]!.AsArray();
            if (body["passenger_counts"] is JsonArray counts)
            {
                foreach (var count in counts)
                {
                    var type = (string)count!["type"]!;
                    if (!pricing.Any(p => (string?)p!["passenger_count"]!["type"] == type))
                    {
                        throw ApiException.Unprocessable("passenger_counts", "unknown_passenger_type", $"passenger_counts names passenger type \"{type}\", which the contract's itinerary does not price.");
                    }
                }
            }

            if (request.NotPerformed)
            {
                return ApiResult.NoContent;
            }

            itinerary["slices"] = body["slices"]!.DeepClone();
            if (body["passenger_counts"] is JsonArray newCounts)
            {
                foreach (var count in newCounts)
                {
                    foreach (var entry in pricing.Where(p => (string?)p!["passenger_count"]!["type"] == (string)count!["type"]!))
                    {
                        entry!["passenger_count"]!["count"] = (int)count!["count"]!;
                    }
                }
            }

            if ((string?)body["pnr_reference"] is { } pnr)
            {
                contract.Body["pnr_reference"] = pnr;
            }

            return new ApiResult(200, Clone(contract.Body));
        }
    }

    public ApiResult CreateCfarExercise(OperationRequest request)
    {
        var body = request.Object;
        var contract = ExercisableContract(body, request.Now);
        var session = PlanSession(request, createWhenAbsent: false);
        lock (contract.Gate)
        {
            if (contract.ExerciseId is { } existing)
            {
                throw ApiException.Unprocessable("contract_id", "already_exercised", $"The contract was already exercised (exercise '{existing}').");
            }

            // The allowances never exceed the contract's coverage.
            var cash = contract.Coverage;
            var ftc = contract.Coverage;
            var id = NewId();
            var exercise = new JsonObject
            {
                ["id"] = id,
                ["contract_id"] = contract.Id,
                ["exercise_initiated_date_time"] = Pricing.Timestamp(request.Now),
                ["cash_refund_allowance"] = Pricing.Money(cash),
                ["ftc_refund_allowance"] = Pricing.Money(ftc),
                ["currency"] = contract.Currency,
                ["ext_attributes"] = body["ext_attributes"]!.DeepClone(),
                ["redirection_token"] = NewId(),
                ["redirection_url"] = $"https://sandbox.invalid/cfar/exercise/{id}",
            };
            CommitSession(session, request.Now);
            var created = new CfarExercise(id, contract, session.Id, cash, ftc, exercise);
            contract.ExerciseId = id;
            State.CfarExercises.TryAdd(id, created);
            sandbox.ExerciseByVerificationCode[created.RedirectionToken] = id;
            return new ApiResult(201, created.Snapshot());
        }
    }

    /// <summary>contract_id is optional in the spec; without it the contract is found by pnr_reference.</summary>
    private Contract ExercisableContract(JsonObject body, DateTimeOffset now)
    {
        Contract? contract;
        if ((string?)body["contract_id"] is { } contractId)
        {
            if (!State.Contracts.TryGet(contractId, out contract) || contract.Product != Products.Cfar)
            {
                throw ApiException.Unprocessable("contract_id", "unknown_contract", $"contract_id '{contractId}' is not a known CFAR contract.");
            }
        }
        else
        {
            var pnr = (string)body["pnr_reference"]!;
            contract = State.Contracts.Values.FirstOrDefault(c => c.Product == Products.Cfar && c.Snapshot()["pnr_reference"]?.GetValue<string>() == pnr)
                ?? throw ApiException.Unprocessable("contract_id", "required", $"contract_id is required: no CFAR contract has pnr_reference '{pnr}'.");
        }

        lock (contract.Gate)
        {
            if (contract.Status != "confirmed")
            {
                throw ApiException.Unprocessable("contract_id", "not_confirmed", $"Only a confirmed contract can be exercised; this one is \"{contract.Status}\".");
            }
        }

        if (contract.ExpiresAt <= now)
        {
            throw ApiException.Unprocessable("contract_id", "contract_expired", $"The contract expired at {Pricing.Timestamp(contract.ExpiresAt)}.");
        }

        return contract;
    }

    public ApiResult MarkCfarExerciseCompleted(OperationRequest request)
    {
        if (request.Id is null || !State.CfarExercises.TryGet(request.Id, out var exercise))
        {
            throw ApiException.NotFound();
        }

        var body = request.Object;
        var method = (string?)body["refund_method"] ?? "cash";
        lock (exercise.Gate)
        {
            if (exercise.Completed)
            {
                throw ApiException.Unprocessable("id", "already_completed", $"Exercise '{exercise.Id}' was already marked completed.");
            }

            var allowance = method == "cash" ? exercise.CashAllowance : exercise.FtcAllowance;
            var amount = body["refund_amount"] is JsonValue value ? Pricing.ParseAmount((string)value!) : allowance;
            if (amount > allowance)
            {
                throw ApiException.Unprocessable("refund_amount", "above_allowance", $"refund_amount {Pricing.Money(amount)} is above the {method} refund allowance {Pricing.Money(allowance)}.");
            }

            exercise.Completed = true;
            exercise.RefundAmount = amount;
            exercise.RefundMethod = method;
            exercise.CompletedAt = request.Now;
            return new ApiResult(200, Clone(exercise.Body));
        }
    }

    public ApiResult GetCfarPayoutReceipt(OperationRequest request)
    {
        CfarExercise? exercise = null;
        if (request.Header("verification-code") is { } code)
        {
            if (sandbox.ExerciseByVerificationCode.TryGetValue(code, out var id))
            {
                State.CfarExercises.TryGet(id, out exercise);
            }
        }
        else if (request.Header(SessionHeader) is { } sessionId)
        {
            exercise = State.CfarExercises.Values
                .Where(e => e.SessionId == sessionId && e.Completed)
                .MaxBy(e => e.CompletedAt);
        }
        else
        {
            throw ApiException.Unprocessable("verification-code", "required", "Send the verification-code header (the exercise's redirection_token) or the HC-Session-ID of the exercise's session.");
        }

        if (exercise is null)
        {
            throw ApiException.NotFound();
        }

        lock (exercise.Gate)
        {
            if (!exercise.Completed)
            {
                throw ApiException.Unprocessable("verification-code", "not_completed", $"Exercise '{exercise.Id}' has not been marked completed, so there is no payout yet.");
            }

            var pdf = PdfReceipt.Build("CFAR payout receipt", [
                $"Contract: {exercise.Contract.Id}",
                $"Exercise: {exercise.Id}",
                $"Refund method: {exercise.RefundMethod}",
                $"Payout amount: {Pricing.Money(exercise.RefundAmount)} {exercise.Contract.Currency}",
                $"Completed: {Pricing.Timestamp(exercise.CompletedAt!.Value)}",
            ]);
            return new ApiResult(200, Pdf: pdf, FileName: $"cfar-receipt-{exercise.Id}.pdf");
        }
    }

    private static void EnsureOpen(Contract contract)
    {
        if (!Transitions.IsOpen(contract.Status))
        {
            throw ApiException.Unprocessable("status", "contract_closed", $"The contract is \"{contract.Status}\" and can no longer be changed.");
        }
    }

    private static void EnsureBookable(DateTimeOffset contractExpiry, DateTimeOffset now, string field, string product)
    {
        if (contractExpiry <= now)
        {
            throw ApiException.Unprocessable($"{field}.slices[0].segments[0].departure_date_time", "too_late",
                $"{field} departs too soon (or has departed): {product} is no longer offered for it.");
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
