using Harness.Sandbox.Domain;

namespace Harness.Sandbox.Tests.Domain;

/// <summary>Each product's own rules, read without HTTP: which rules a product gets, its transitions and its prices.</summary>
public sealed class ProductRulesTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Two passengers, 600.00 in all (average fare 300.00), one segment departing at <paramref name="departure"/>, arriving 7 h later.</summary>
    private static ItineraryFacts Facts(DateTimeOffset departure) =>
        new("CAD", 2, 600m, departure, departure.AddHours(7));

    [Theory]
    [InlineData(Products.Cfar, "CFAR", "payment_method_token")]
    [InlineData(Products.Dg, "DG", "payment_token")]
    public void For_EachProduct_GivesThatProductsRules(string product, string label, string paymentTokenField)
    {
        var rules = ProductRules.For(product);

        rules.Product.Should().Be(product);
        rules.Label.Should().Be(label);
        rules.PaymentTokenField.Should().Be(paymentTokenField);
        rules.TermsUrl.Should().Be($"https://sandbox.invalid/{product}/terms");
    }

    [Fact]
    public void For_UnknownProduct_ThrowsNamingTheKnownProducts()
    {
        var act = () => ProductRules.For("insurance");

        act.Should().Throw<ArgumentException>().WithMessage("*\"cfar\" or \"dg\", not \"insurance\"*");
    }

    [Theory]
    [InlineData(Products.Cfar, "created", "confirmed", true)]
    [InlineData(Products.Cfar, "confirmed", "charged_back", true)]
    [InlineData(Products.Cfar, "created", "queued", false)]
    [InlineData(Products.Cfar, "confirmed", "confirmed", false)]
    [InlineData(Products.Dg, "created", "queued", true)]
    [InlineData(Products.Dg, "queued", "failed", true)]
    [InlineData(Products.Dg, "queued", "canceled", false)]
    [InlineData(Products.Dg, "canceled", "confirmed", false)]
    public void CanChangeStatus_ProductsTable_AllowsOnlyItsOwnTransitions(string product, string from, string to, bool allowed)
    {
        ProductRules.For(product).CanChangeStatus(from, to).Should().Be(allowed);
    }

    [Fact]
    public void Statuses_QueuedAndFailed_AreDgOnly()
    {
        CfarRules.Instance.Statuses.Should().NotContain(["queued", "failed"]);
        DgRules.Instance.Statuses.Should().Contain(["queued", "failed"]).And.Contain(CfarRules.Instance.Statuses);
    }

    [Theory]
    [InlineData(40, "40.00")]   // 6%: 36.00 + 2 × 2.00
    [InlineData(20, "52.00")]   // 8%: 48.00 + 4.00
    [InlineData(3, "64.00")]    // 10%: 60.00 + 4.00
    public void CfarQuote_DaysToDeparture_PricesByRatePlusPassengerFee(int days, string premium)
    {
        var departure = Now.AddDays(days);

        var quote = CfarRules.Instance.Quote(Facts(departure), Now);

        Pricing.Money(quote.Premium).Should().Be(premium);
        Pricing.Money(quote.Coverage).Should().Be("480.00");
        quote.CoveragePercentage.Should().Be(80m);
        quote.ServiceCap.Should().Be(0m);
        quote.PurchaseDeadline.Should().Be(departure.AddHours(-3));
        quote.ContractExpiry.Should().Be(quote.PurchaseDeadline, "a CFAR offer can be bought for as long as its contract could be exercised");
    }

    [Theory]
    [InlineData(40, "14.00", 24)]   // 5.00 + 3% of 300.00
    [InlineData(5, "19.00", 24)]    // + 5.00 under 7 days
    [InlineData(1, "19.00", 3)]     // cover starts 3 h before departure under 2 days
    public void DgQuote_DaysToDeparture_PricesPerPassengerWithServiceCap(int days, string perPassenger, int maxHours)
    {
        var departure = Now.AddDays(days);

        var quote = (DgOfferQuote)DgRules.Instance.Quote(Facts(departure), Now);

        Pricing.Money(quote.PremiumPerPassenger).Should().Be(perPassenger);
        quote.Premium.Should().Be(quote.PremiumPerPassenger * 2);
        Pricing.Money(quote.ServiceCap).Should().Be("450.00");
        Pricing.Money(quote.Coverage).Should().Be("900.00");
        quote.CoveragePercentage.Should().Be(100m);
        quote.MaxHoursBeforeDeparture.Should().Be(maxHours);
        quote.PurchaseDeadline.Should().Be(departure.AddHours(-maxHours));
        quote.ContractExpiry.Should().Be(departure.AddHours(7).AddDays(1));
    }

    [Fact]
    public void DgQuote_LowFare_ServiceCapIsAtLeast250()
    {
        var facts = new ItineraryFacts("CAD", 4, 200m, Now.AddDays(40), Now.AddDays(40).AddHours(2));

        var quote = DgRules.Instance.Quote(facts, Now);

        Pricing.Money(quote.ServiceCap).Should().Be("250.00");
        Pricing.Money(quote.Coverage).Should().Be("1000.00");
    }
}
