using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Harness.Sandbox.Domain;

namespace Harness.Sandbox.Api;

/// <summary>
/// /cfar_contracts and /dg_contracts: creation from offers, reads, status changes, payments, forms of payment and
/// itinerary slices. The mechanics are shared; what differs (fields, transitions, the slices body) is the product's rules.
/// </summary>
internal sealed class ContractHandlers(AirlineSandbox sandbox, ProductRules rules)
{
    private SandboxState State => sandbox.State;

    public ApiResult Post(OperationRequest request)
    {
        var body = request.Object;
        var itinerary = request.Root.GetProperty("itinerary"u8);
        var offers = MatchOffers(body, Pricing.Fingerprint(itinerary, Pricing.Read(itinerary, "itinerary")), request.Now);
        if (request.NotPerformed)
        {
            return ApiResult.NoContent;
        }

        var id = RandomIds.NewId();
        var expiry = offers.Min(o => o.ContractExpiresAt);
        var coverage = offers.Sum(o => o.Coverage);
        var offerBodies = offers.Select(o => (JsonNode)rules.ContractOffer(o.Body())).ToArray();
        var first = (JsonObject)offerBodies[0];
        var contract = new JsonObject
        {
            ["id"] = id,
            ["reference"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            ["offers"] = new JsonArray(offerBodies),
            ["itinerary"] = body["itinerary"]!.DeepClone(),
            ["coverage_percentage"] = first["coverage_percentage"]!.DeepClone(),
            ["coverage"] = Pricing.Money(coverage),
            ["premium"] = Pricing.Money(offers.Sum(o => o.Premium)),
            ["currency"] = offers[0].Currency(),
            ["taxes_total"] = "0.00",
            ["created_date_time"] = Pricing.Timestamp(request.Now),
            ["expiry_date_time"] = Pricing.Timestamp(expiry),
            ["status"] = "created",
            ["ext_attributes"] = body["ext_attributes"]!.DeepClone(),
        };
        rules.AddContractTerms(contract, id, first);
        if ((string?)body["pnr_reference"] is { } pnr)
        {
            contract["pnr_reference"] = pnr;
        }

        var created = new Contract(id, rules.Product, contract, coverage, offers[0].ServiceCap, expiry);
        State.Contracts.TryAdd(id, created);
        return new ApiResult(201, created.Snapshot());
    }

    public ApiResult Get(OperationRequest request) => new(200, Find(request.Id).Snapshot());

    public ApiResult UpdateStatus(OperationRequest request)
    {
        var contract = Find(request.Id);
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
            if (!rules.CanChangeStatus(from, to))
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

    /// <summary>CFAR only (the spec has no DG counterpart).</summary>
    public ApiResult UpdateFormsOfPayment(OperationRequest request)
    {
        var contract = Find(request.Id);
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

    /// <summary>HTS as merchant of record: success confirms a created contract; a declined token changes nothing.</summary>
    public ApiResult ProcessPayment(OperationRequest request)
    {
        var contract = Find(request.Id);
        var token = (string)request.Object[rules.PaymentTokenField]!;
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

    public ApiResult UpdateItinerarySlices(OperationRequest request)
    {
        var contract = Find(request.Id);
        lock (contract.Gate)
        {
            EnsureOpen(contract);
            rules.CheckSliceChange(contract, request.Body!);
            if (request.NotPerformed)
            {
                return ApiResult.NoContent;
            }

            rules.ApplySliceChange(contract, request.Body!);
            return new ApiResult(200, Clone(contract.Body));
        }
    }

    /// <summary>Offers named by offer_ids: all must exist, be of the product, be unexpired and match the itinerary.</summary>
    private List<Offer> MatchOffers(JsonObject body, string fingerprint, DateTimeOffset now)
    {
        var ids = body["offer_ids"]!.AsArray();
        if (ids.Count == 0)
        {
            throw ApiException.Unprocessable("offer_ids", "min_items", "offer_ids must name at least one offer.");
        }

        var offers = new List<Offer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var field = $"offer_ids[{i}]";
            var id = (string)ids[i]!;
            if (!State.Offers.TryGet(id, out var offer) || offer.Product != rules.Product)
            {
                throw ApiException.Unprocessable(field, "unknown_offer", $"{field} '{id}' is not a known {rules.Label} offer.");
            }

            if (offer.ExpiresAt <= now)
            {
                throw ApiException.Unprocessable(field, "offer_expired", $"{field} '{id}' expired at {Pricing.Timestamp(offer.ExpiresAt)}.");
            }

            if (offer.ItineraryFingerprint() != fingerprint)
            {
                throw ApiException.Unprocessable("itinerary", "itinerary_mismatch", $"itinerary does not match the itinerary of offer '{id}' (currency, passenger count and segments must be the same).");
            }

            if (!seen.Add(id))
            {
                throw ApiException.Unprocessable(field, "duplicate", $"{field} '{id}' is listed twice.");
            }

            offers.Add(offer);
        }

        return offers;
    }

    private Contract Find(string? id) =>
        id is not null && State.Contracts.TryGet(id, out var contract) && contract.Product == rules.Product
            ? contract
            : throw ApiException.NotFound();

    private static void EnsureOpen(Contract contract)
    {
        if (!ProductRules.IsOpen(contract.Status))
        {
            throw ApiException.Unprocessable("status", "contract_closed", $"The contract is \"{contract.Status}\" and can no longer be changed.");
        }
    }

    private static JsonObject Clone(JsonNode node) => (JsonObject)node.DeepClone();
}
