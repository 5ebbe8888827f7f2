using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Harness.Sandbox.Domain;

namespace Harness.Sandbox.Api;

/// <summary>POST /cfar_offers and /dg_offers (and CFAR's /cfar_offers/external): priced by the product's rules.</summary>
internal sealed class OfferHandlers(AirlineSandbox sandbox, ProductRules rules)
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? s_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? s_writer;

    private SandboxState State => sandbox.State;

    public ApiResult Post(OperationRequest request)
    {
        // The hot path of load runs: everything is read from the request document's elements, no node tree. The answer,
        // [offer,offer,...], is written once into the thread's buffer and kept as it is: each stored offer is a slice of it.
        var body = request.Root;
        var itineraries = body.GetProperty("itinerary"u8);
        var count = itineraries.GetArrayLength();
        if (count == 0)
        {
            throw ApiException.Unprocessable("itinerary", "min_items", "itinerary must contain at least one itinerary to price.");
        }

        var buffer = StartAnswer();
        var priced = new (string Id, OfferQuote Quote, int Start, int Length)[count];
        var i = 0;
        foreach (var itinerary in itineraries.EnumerateArray())
        {
            var field = $"itinerary[{i}]";
            var facts = Pricing.Read(itinerary, field);
            var quote = rules.Quote(facts, request.Now);
            if (quote.PurchaseDeadline <= request.Now)
            {
                throw ApiException.Unprocessable($"{field}.slices[0].segments[0].departure_date_time", "too_late",
                    $"{field} departs too soon (or has departed): {rules.Label} is no longer offered for it.");
            }

            if (i > 0)
            {
                Put(buffer, (byte)',');
            }

            var id = RandomIds.NewId();
            var start = buffer.WrittenCount;
            WriteOffer(buffer, id, body, itinerary, facts.Currency, quote, request.Now, "0.00", externalId: null);
            priced[i++] = (id, quote, start, buffer.WrittenCount - start);
        }

        Put(buffer, (byte)']');
        var answer = KeptBytes.Keep(buffer.WrittenSpan);
        var session = SessionPlan.For(request, State, createWhenAbsent: true);
        session.Commit(State, request.Now);
        foreach (var (id, quote, start, length) in priced)
        {
            State.Offers.TryAdd(id, NewOffer(answer.Slice(start, length), quote, request.Now));
        }

        return ApiResult.Raw(201, answer, session.Id);
    }

    /// <summary>CFAR only (the spec has no DG counterpart): the partner brings premium, coverage and expiry.</summary>
    public ApiResult PostExternal(OperationRequest request)
    {
        var body = request.Object;
        var itinerary = request.Root.GetProperty("itinerary"u8);
        // Read for its checks (a price out of range is refused here, as for a priced offer), not for its facts.
        _ = Pricing.Read(itinerary, "itinerary");
        var contractExpiry = DateTimeOffset.Parse((string)body["contract_expiry_date_time"]!, CultureInfo.InvariantCulture);
        if (contractExpiry <= request.Now)
        {
            throw ApiException.Unprocessable("contract_expiry_date_time", "in_past", "contract_expiry_date_time must be in the future.");
        }

        var currency = (string)body["currency"]!;
        var quote = new OfferQuote(
            Pricing.ParseAmount((string)body["premium_total_amount"]!),
            Pricing.ParseAmount((string)body["payout_total_amount"]!),
            // Spec scales differ: payout_percentage is 0–1 ("0.8"), coverage_percentage is 0–100 ("80.00").
            Pricing.ParseAmount((string)body["payout_percentage"]!) * 100m,
            0m,
            contractExpiry,
            contractExpiry);
        var id = RandomIds.NewId();
        var buffer = StartAnswer(open: false);
        WriteOffer(buffer, id, request.Root, itinerary, currency, quote, request.Now, (string)body["taxes_total"]!, externalId: (string)body["external_id"]!);
        var json = KeptBytes.Keep(buffer.WrittenSpan);
        var session = SessionPlan.For(request, State, createWhenAbsent: true);
        session.Commit(State, request.Now);
        State.Offers.TryAdd(id, NewOffer(json, quote, request.Now));
        return ApiResult.Raw(201, json, session.Id);
    }

    /// <summary>Can be turned into a contract for OfferLifetime, never past its purchase deadline.</summary>
    private Offer NewOffer(ReadOnlyMemory<byte> json, OfferQuote quote, DateTimeOffset now)
    {
        var lifetimeEnd = now + sandbox.Options.OfferLifetime;
        return new Offer(rules.Product, json, quote.Premium, quote.Coverage, quote.ServiceCap,
            lifetimeEnd < quote.PurchaseDeadline ? lifetimeEnd : quote.PurchaseDeadline, quote.ContractExpiry);
    }

    /// <summary>The thread's answer buffer, emptied, with the opening bracket of an array of offers unless not <paramref name="open"/>.</summary>
    private static ArrayBufferWriter<byte> StartAnswer(bool open = true)
    {
        var buffer = s_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        if (open)
        {
            Put(buffer, (byte)'[');
        }

        return buffer;
    }

    private static void Put(ArrayBufferWriter<byte> buffer, byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    /// <summary>
    /// Appends an offer to <paramref name="buffer"/> straight as UTF-8: the request's itinerary is copied from the request's
    /// own bytes and its ext_attributes by the writer, with no intermediate tree (the offer path is the one load runs
    /// hammer). The product's own fields come from its rules. The external offer's ext_attributes are
    /// <c>{"external_id": ...}</c> instead.
    /// </summary>
    private void WriteOffer(ArrayBufferWriter<byte> buffer, string id, JsonElement request, JsonElement itinerary, string currency, OfferQuote quote,
        DateTimeOffset now, string taxesTotal, string? externalId)
    {
        // One writer per thread, reused.
        var writer = s_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, id);
            Pricing.WriteMoney(writer, "premium"u8, quote.Premium);
            Pricing.WriteMoney(writer, "coverage"u8, quote.Coverage);
            Pricing.WriteMoney(writer, "coverage_percentage"u8, quote.CoveragePercentage);
            rules.WriteOfferTerms(writer, quote);
            writer.WriteString("currency"u8, currency);
            writer.WriteString("taxes_total"u8, taxesTotal);
            // The external offer request carries no request_type; its offers are priced with the fare.
            if (request.TryGetProperty("request_type"u8, out var requestType))
            {
                writer.WritePropertyName("request_type"u8);
                requestType.WriteTo(writer);
            }
            else
            {
                writer.WriteString("request_type"u8, "fare"u8);
            }

            Pricing.WriteTimestamp(writer, "contract_expiry_date_time"u8, quote.ContractExpiry);
            Pricing.WriteTimestamp(writer, "created_date_time"u8, now);
            writer.WritePropertyName("itinerary"u8);
            JsonText.WriteMinified(writer, JsonMarshal.GetRawUtf8Value(itinerary));
            writer.WritePropertyName("contents"u8);
            writer.WriteRawValue(rules.ContentsUtf8(SessionLanguage(request)), skipInputValidation: true);
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
            writer.WriteString("terms_conditions_url", rules.TermsUrl);
            writer.WriteString("faq_url", rules.FaqUrl);
            if (request.TryGetProperty("entry_point"u8, out var entryPoint))
            {
                writer.WritePropertyName("entry_point"u8);
                entryPoint.WriteTo(writer);
            }

            writer.WriteEndObject();
            writer.Flush();
        }
    }

    /// <summary>The inline session's language, if any.</summary>
    private static string? SessionLanguage(JsonElement body) =>
        body.TryGetProperty("session"u8, out var session) && session.ValueKind == JsonValueKind.Object && session.TryGetProperty("language"u8, out var language)
            ? language.GetString()
            : null;
}
