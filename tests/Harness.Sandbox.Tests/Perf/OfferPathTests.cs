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
}
