using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Sandbox.Domain;

/// <summary>A session; its id is its key in <see cref="SandboxState.Sessions"/>.</summary>
internal readonly record struct Session(DateTimeOffset CreatedAt);

/// <summary>
/// A priced offer; its id is its key in <see cref="SandboxState.Offers"/>. Its response JSON is kept as UTF-8 bytes
/// (<see cref="KeptBytes"/>): a parsed tree per offer would cost tens of kilobytes and most of the collector's time under
/// load. What a contract needs beyond the amounts and times below (the currency, the itinerary it was priced for) is
/// read back from that JSON, so an offer holds no string of its own: see <see cref="SlotStore{T}"/>.
/// </summary>
internal readonly record struct Offer(
    string Product,
    ReadOnlyMemory<byte> Json,
    decimal Premium,
    decimal Coverage,
    decimal ServiceCap,
    DateTimeOffset ExpiresAt,
    DateTimeOffset ContractExpiresAt)
{
    /// <summary>A fresh, editable copy of the offer as it was answered.</summary>
    public JsonObject Body() => (JsonObject)JsonNode.Parse(Json.Span)!;

    /// <summary>The offer's currency, as answered.</summary>
    public string Currency()
    {
        using var json = JsonDocument.Parse(Json);
        return json.RootElement.GetProperty("currency"u8).GetString()!;
    }

    /// <summary>The fingerprint (<see cref="Pricing.Fingerprint"/>) of the itinerary the offer was priced for, read from its answer.</summary>
    public string ItineraryFingerprint()
    {
        using var json = JsonDocument.Parse(Json);
        var itinerary = json.RootElement.GetProperty("itinerary"u8);
        return Pricing.Fingerprint(itinerary, Pricing.Read(itinerary, "itinerary"));
    }
}

/// <summary>A CFAR or DG contract. Every read and write of its mutable parts holds <see cref="Gate"/>.</summary>
internal sealed class Contract(string id, string product, JsonObject body, decimal coverage, decimal serviceCap, DateTimeOffset expiresAt)
{
    public string Id { get; } = id;

    public string Product { get; } = product;

    public object Gate { get; } = new();

    public JsonObject Body { get; } = body;

    public decimal Coverage { get; } = coverage;

    public decimal ServiceCap { get; } = serviceCap;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public string Currency => (string)Body["currency"]!;

    public string Status
    {
        get => (string)Body["status"]!;
        set => Body["status"] = value;
    }

    public JsonArray? FormsOfPayment { get; set; }

    public string? ExerciseId { get; set; }

    public JsonObject Snapshot()
    {
        lock (Gate)
        {
            return (JsonObject)Body.DeepClone();
        }
    }
}

/// <summary>What every exercise has, whatever the product.</summary>
internal interface IExercise
{
    string Id { get; }

    Contract Contract { get; }

    string? SessionId { get; }
}

/// <summary>A CFAR exercise; completion happens once, under <see cref="Gate"/>.</summary>
internal sealed class CfarExercise(string id, Contract contract, string? sessionId, decimal cashAllowance, decimal ftcAllowance, JsonObject body) : IExercise
{
    public string Id { get; } = id;

    public Contract Contract { get; } = contract;

    public string? SessionId { get; } = sessionId;

    public object Gate { get; } = new();

    public decimal CashAllowance { get; } = cashAllowance;

    public decimal FtcAllowance { get; } = ftcAllowance;

    public JsonObject Body { get; } = body;

    public string RedirectionToken => (string)Body["redirection_token"]!;

    public bool Completed { get; set; }

    public decimal RefundAmount { get; set; }

    public string RefundMethod { get; set; } = "cash";

    public DateTimeOffset? CompletedAt { get; set; }

    public JsonObject Snapshot()
    {
        lock (Gate)
        {
            return (JsonObject)Body.DeepClone();
        }
    }
}

internal sealed record DgExercise(string Id, Contract Contract, string SessionId, decimal Payout, int Passengers, DateTimeOffset CreatedAt) : IExercise;
