using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Sandbox.Api;

namespace Harness.Sandbox.Domain;

/// <summary>
/// What a priced offer is worth: the numbers both products share. Until <see cref="PurchaseDeadline"/> the offer can be
/// bought; the contract made from it ends at <see cref="ContractExpiry"/>.
/// </summary>
internal record OfferQuote(
    decimal Premium,
    decimal Coverage,
    decimal CoveragePercentage,
    decimal ServiceCap,
    DateTimeOffset PurchaseDeadline,
    DateTimeOffset ContractExpiry);

/// <summary>
/// Where CFAR and DG differ: pricing, the fields of their offers and contracts, their status transitions, their texts.
/// One subclass per product (<see cref="CfarRules"/>, <see cref="DgRules"/>); the handlers hold the mechanics both
/// products share (<see cref="OfferHandlers"/>, <see cref="ContractHandlers"/>, <see cref="ExerciseHandlers{TExercise}"/>).
/// </summary>
internal abstract class ProductRules
{
    private byte[]? _usualContents;

    protected ProductRules(string product)
    {
        Product = product;
        Label = product.ToUpperInvariant();
        TermsUrl = $"https://sandbox.invalid/{product}/terms";
        FaqUrl = $"https://sandbox.invalid/{product}/faq";
    }

    /// <summary>The product's name in tokens and scopes (<see cref="Products"/>).</summary>
    public string Product { get; }

    /// <summary>The product's name in messages: CFAR, DG.</summary>
    public string Label { get; }

    public string TermsUrl { get; }

    public string FaqUrl { get; }

    /// <summary>Every status a contract of the product can have.</summary>
    public abstract IReadOnlyList<string> Statuses { get; }

    /// <summary>The body field carrying the payment token (the spec names it differently per product).</summary>
    public abstract string PaymentTokenField { get; }

    /// <summary>
    /// Status changes the product allows. The spec defines none; both tables follow the guide's inferred rules
    /// (§6.1, §6.3, §10). Everything else, including to the same status, answers 422.
    /// </summary>
    protected abstract IReadOnlyDictionary<string, string[]> Transitions { get; }

    public static ProductRules For(string product) => product switch
    {
        Products.Cfar => CfarRules.Instance,
        Products.Dg => DgRules.Instance,
        _ => throw new ArgumentException($"product must be \"{Products.Cfar}\" or \"{Products.Dg}\", not \"{product}\".", nameof(product)),
    };

    /// <summary>Statuses in which a contract can still be amended (forms of payment, itinerary slices), for both products.</summary>
    public static bool IsOpen(string status) => status is "created" or "confirmed" or "queued";

    public bool CanChangeStatus(string from, string to) =>
        Transitions.TryGetValue(from, out var targets) && targets.Contains(to, StringComparer.Ordinal);

    /// <summary>Prices one already-read itinerary at <paramref name="now"/>.</summary>
    public abstract OfferQuote Quote(ItineraryFacts facts, DateTimeOffset now);

    /// <summary>The offer's own fields beyond the shared ones, written after coverage_percentage.</summary>
    public virtual void WriteOfferTerms(Utf8JsonWriter writer, OfferQuote quote)
    {
    }

    /// <summary>An offer as a contract's offers[] holds it (the offer body, parsed fresh; may be changed in place).</summary>
    public virtual JsonObject ContractOffer(JsonObject offer) => offer;

    /// <summary>The contract's own fields beyond the shared ones, added last.</summary>
    public abstract void AddContractTerms(JsonObject contract, string contractId, JsonObject firstOffer);

    /// <summary>Refuses an itinerary_slices body the contract cannot take (422); called under the contract's gate.</summary>
    public virtual void CheckSliceChange(Contract contract, JsonNode body)
    {
    }

    /// <summary>Applies a checked itinerary_slices body; called under the contract's gate.</summary>
    public abstract void ApplySliceChange(Contract contract, JsonNode body);

    /// <summary>
    /// The offer's contents as UTF-8 JSON: en and fr, plus the inline session's language. The usual contents (no
    /// language, en or fr) are serialized once per product; other languages are built per request, so callers cannot
    /// grow a cache.
    /// </summary>
    public byte[] ContentsUtf8(string? sessionLanguage) =>
        sessionLanguage is null || sessionLanguage.Equals("en", StringComparison.OrdinalIgnoreCase) || sessionLanguage.Equals("fr", StringComparison.OrdinalIgnoreCase)
            ? _usualContents ??= ApiResult.Utf8(Contents(null))
            : ApiResult.Utf8(Contents(sessionLanguage));

    /// <summary>The product's title and bullet points in <paramref name="language"/> ("fr", else English).</summary>
    protected abstract (string Title, string[] Bullets) Texts(string language);

    private JsonObject Contents(string? sessionLanguage)
    {
        var languages = new List<string> { "en", "fr" };
        if (sessionLanguage is { Length: > 0 } && !languages.Contains(sessionLanguage.ToLowerInvariant()))
        {
            languages.Add(sessionLanguage.ToLowerInvariant());
        }

        var contents = new JsonObject();
        foreach (var language in languages)
        {
            var (title, bullets) = Texts(language);
            contents[language] = new JsonObject
            {
                ["bullet_points"] = new JsonArray(bullets.Select(b => (JsonNode)b).ToArray()),
                ["labels"] = new JsonObject { ["title"] = title, ["language"] = language },
            };
        }

        return contents;
    }
}
