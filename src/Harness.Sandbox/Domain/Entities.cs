using System.Text.Json.Nodes;

namespace Harness.Sandbox.Domain;

internal sealed record Session(string Id, DateTimeOffset CreatedAt);

/// <summary>
/// A priced offer. Its response JSON is kept as UTF-8 bytes (<see cref="KeptBytes"/>): a parsed tree per offer would
/// cost tens of kilobytes and most of the collector's time under load. <see cref="Body"/> parses a fresh copy when a
/// contract needs one.
/// </summary>
internal sealed record Offer(
    string Id,
    string Product,
    ReadOnlyMemory<byte> Json,
    string ItineraryFingerprint,
    string Currency,
    decimal Premium,
    decimal Coverage,
    decimal ServiceCap,
    DateTimeOffset ExpiresAt,
    DateTimeOffset ContractExpiresAt)
{
    public JsonObject Body() => (JsonObject)JsonNode.Parse(Json.Span)!;
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
