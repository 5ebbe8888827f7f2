using System.Globalization;
using Harness.Sandbox.Domain;
using Harness.Spec;

namespace Harness.Sandbox.Tests.Perf;

/// <summary>The shortcuts taken on the offer path give the same answers as the general code they bypass.</summary>
public sealed class OfferPathTests
{
    private static readonly SchemaValidator Validator = SchemaValidator.AirlineApiAsWritten;

    private static IReadOnlyList<ValidationIssue> Validate(string operationId, string json) =>
        Validator.Validate(System.Text.Json.JsonDocument.Parse(json).RootElement, SpecDocument.AirlineApi.RequestSchema(operationId)!);

    [Fact]
    public void NewUuid_ManyIds_AreDistinctVersion4Uuids()
    {
        // More than one 4 KiB block of random bytes, so the refill is crossed.
        var ids = Enumerable.Range(0, 1000).Select(_ => RandomIds.NewId()).ToList();

        ids.Should().OnlyHaveUniqueItems();
        ids.Should().AllSatisfy(id =>
        {
            Guid.TryParseExact(id, "D", out _).Should().BeTrue(id);
            id[14].Should().Be('4', id);
            id[19].Should().BeOneOf('8', '9', 'a', 'b');
        });
    }

    [Theory]
    [InlineData("2027-01-01T18:30:00")]
    [InlineData("2024-02-29T00:00:59")]
    [InlineData("1999-12-31T23:59:59")]
    public void TryParseSeconds_ValidLocalTime_MatchesTryParseExact(string text)
    {
        var expected = DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None);

        Pricing.TryParseSeconds(text, out var parsed).Should().BeTrue();

        parsed.Should().Be(expected);
        parsed.Kind.Should().Be(expected.Kind);
    }

    [Theory]
    [InlineData("2023-02-29T10:00:00")]
    [InlineData("2027-13-01T10:00:00")]
    [InlineData("2027-01-01T24:00:00")]
    [InlineData("2027-01-01T10:60:00")]
    [InlineData("2027-01-01 10:00:00")]
    [InlineData("2027-01-01T10:00")]
    [InlineData("2027-01-01T10:00:00.5")]
    [InlineData("2027-0a-01T10:00:00")]
    [InlineData("")]
    public void TryParseSeconds_AnythingElse_DefersToTryParseExact(string text) =>
        Pricing.TryParseSeconds(text, out _).Should().BeFalse();

    [Fact]
    public void Validate_EscapedPropertyNames_AreMatchedLikePlainOnes()
    {
        // "\u0063lient_id" is client_id: the UTF-8 name match must unescape, not compare raw bytes.
        Validate("postAuth", """{"\u0063lient_id": "a", "client_\u0073ecret": "b"}""").Should().BeEmpty();
        Validate("postAuth", """{"\u0063lient_id": 1, "client_secret": "b"}""").Should().ContainSingle()
            .Which.Field.Should().Be("client_id");
    }

    [Fact]
    public void Validate_EscapedEnumValue_IsMatchedLikePlainOne()
    {
        // Enum values are compared on the unescaped UTF-8 value: "\u0063onfirmed" is "confirmed".
        var escaped = Validate("putCfar_contractsIdUpdate_status", """{"status": "\u0063onfirmed", "pnr_reference": "ABC123"}""");
        var plain = Validate("putCfar_contractsIdUpdate_status", """{"status": "confirmed", "pnr_reference": "ABC123"}""");

        escaped.Should().BeEquivalentTo(plain);
        Validate("putCfar_contractsIdUpdate_status", """{"status": "\u0063onfirmedx"}""").Should()
            .Contain(i => i.Field == "status" && i.Code == "enum" && i.Message.Contains("not \"confirmedx\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingRequiredMembers_ComeFirstInRequiredOrder_WhateverTheMemberOrder()
    {
        // Required members are ticked off during the walk; their issues must still lead, in the spec's order.
        Validate("postAuth", """{"client_secret": "b", "client_id": "a"}""").Should().BeEmpty();
        Validate("postAuth", """{"client_secret": 1}""").Select(i => (i.Field, i.Code)).Should().Equal(
            ("client_id", "required"), ("client_secret", "invalid_type"));
        Validate("postAuth", """{}""").Select(i => i.Field).Should().Equal("client_id", "client_secret");
    }

    [Fact]
    public void Validate_Twice_EachAnswerKeepsItsOwnIssues()
    {
        // The walk's scratch list is the thread's and reused: what Validate returns must not be it.
        var first = Validate("postAuth", """{}""");
        var second = Validate("postAuth", """{"client_id": "a", "client_secret": "b"}""");
        var third = Validate("postAuth", """{"client_id": 1, "client_secret": "b"}""");

        first.Select(i => i.Field).Should().Equal("client_id", "client_secret");
        second.Should().BeEmpty();
        third.Should().ContainSingle().Which.Code.Should().Be("invalid_type");
    }

    [Theory]
    [InlineData("\\u0043AD")]
    [InlineData("CAD")]
    public void Validate_CheckedStrings_AreReadTheSameEscapedOrNot(string currency)
    {
        // Checked strings are read from their raw bytes unless escaped: both ways must agree.
        var body = $$"""{"currency": "{{currency}}", "total_price": "-1.00"}""";

        Validate("postCfar_offers", $$"""{"itinerary": [{{body}}]}""").Should()
            .Contain(i => i.Field == "itinerary[0].total_price" && i.Code == "minimum" && i.Message.Contains("not -1.00", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"a\":[1,2.50,\"x y\"],\"b\":{},\"c\":true}")]
    [InlineData("{ \"a\" : [ 1 ,\n 2.50 , \"x y\" ] ,\r\n\t\"b\" : { } , \"c\":true }")]
    [InlineData("{\"q\": \"say \\\"hi\\\" \\\\ \", \"r\": \" \\\\\\\\\", \"s\": \"\u00e9 \\u00e9\"}")]
    [InlineData("[ ]")]
    public void WriteMinified_CopiesTheValueWithoutWhitespaceOutsideStrings(string json)
    {
        var element = System.Text.Json.JsonDocument.Parse(json).RootElement;

        var minified = Write(w => JsonText.WriteMinified(w, System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element)));
        var written = Write(element.WriteTo);

        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(minified), System.Text.Json.Nodes.JsonNode.Parse(written))
            .Should().BeTrue(minified);
        if (!json.Contains('\\', StringComparison.Ordinal))
        {
            minified.Should().Be(written, "without escapes, the copy is byte for byte what WriteTo writes");
        }
    }

    [Fact]
    public void Keep_ManyCopiesAcrossBlocks_EachStaysAsWritten()
    {
        // Enough 1.5 KiB copies to fill many blocks: a new block must never disturb the copies in the last.
        var kept = Enumerable.Range(0, 3000).Select(i => (i, KeptBytes.Keep(Bytes(i, 1500)))).ToList();
        var huge = KeptBytes.Keep(Bytes(7, 200_000));

        kept.Should().AllSatisfy(k => k.Item2.Span.SequenceEqual(Bytes(k.i, 1500)).Should().BeTrue($"copy {k.i} is intact"));
        huge.Span.SequenceEqual(Bytes(7, 200_000)).Should().BeTrue();
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(kept[0].Item2, out var first).Should().BeTrue();
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(kept[^1].Item2, out var last).Should().BeTrue();
        first.Array.Should().NotBeSameAs(last.Array, "3000 copies of 1.5 KiB span many 64 KiB blocks");
        first.Array!.Length.Should().BeLessThan(85_000, "blocks stay off the large object heap (KeptBytes: the offer p99)");
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(huge, out var own).Should().BeTrue();
        own.Array!.Length.Should().Be(200_000, "a copy larger than a quarter of a block gets an array of its own");
    }

    private static byte[] Bytes(int seed, int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(seed * 31 + i))];

    /// <summary>An object holding what <paramref name="write"/> writes in it.</summary>
    private static string WriteProperty(Action<System.Text.Json.Utf8JsonWriter> write) => Write(w =>
    {
        w.WriteStartObject();
        write(w);
        w.WriteEndObject();
    });

    private static string Write(Action<System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("40.8")]
    [InlineData("1.005")]
    [InlineData("2.675")]
    [InlineData("0.004")]
    [InlineData("123456789.995")]
    [InlineData("-3.125")]
    public void Money_StandardFormat_WritesWhatTheSpecsTwoDecimalFormatWrites(string amount)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        var expected = value.ToString("0.00", CultureInfo.InvariantCulture);

        Pricing.Money(value).Should().Be(expected);
        WriteProperty(w => Pricing.WriteMoney(w, "m"u8, value)).Should().Be($$"""{"m":"{{expected}}"}""");
    }

    [Theory]
    [InlineData("2030-01-02T03:04:05+00:00")]
    [InlineData("2030-12-31T23:59:59.9999999-05:00")]
    [InlineData("0001-01-01T00:00:00+00:00")]
    public void Timestamp_StandardFormat_WritesUtcToTheSecondWithZ(string instant)
    {
        var time = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
        var expected = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        Pricing.Timestamp(time).Should().Be(expected);
        WriteProperty(w => Pricing.WriteTimestamp(w, "t"u8, time)).Should().Be($$"""{"t":"{{expected}}"}""");
    }
}
