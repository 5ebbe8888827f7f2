using Harness.Client;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Steps;

/// <summary>
/// What the CFAR and DG steps do alike, once: picking an offer, paying, checking a contract against its offer, reading
/// the payout receipt. Each product's own calls and rules stay in <see cref="CfarSteps"/> and <see cref="DgSteps"/>.
/// </summary>
internal static class ProductSteps
{
    /// <summary>The context's payment token (or the prepared or faker's one); expects <c>succeeded: true</c>.</summary>
    public static Task<ApiResponse> ProcessPayment(JourneyContext context, Func<JourneyContext, string?, Task<ApiResponse>> pay)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExpectPayment(context, context.PaymentToken, succeeded: true, pay);
    }

    /// <summary>A token the target declines; expects <c>succeeded: false</c>.</summary>
    public static Task<ApiResponse> ProcessDeclinedPayment(JourneyContext context, Func<JourneyContext, string?, Task<ApiResponse>> pay)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = JourneyContext.Require(context.DeclinedPaymentToken, "declined payment token (the sandbox has one; a real target does not)");
        return ExpectPayment(context, token, succeeded: false, pay);
    }

    /// <summary>Checks that an offers call answered at least one offer, keeps its session and picks one by the seed.</summary>
    public static TOffer PickOffer<TOffer>(JourneyContext context, ApiResponse response, IReadOnlyList<TOffer> offers)
    {
        StepCheckException.ThrowIfFalse(offers.Count > 0, "offer count", "at least 1", "0");
        context.SessionId ??= response.HtsSessionId;
        return offers[context.Pick(offers.Count)];
    }

    /// <summary>Checks that a contract lists the picked offer and carries its premium and coverage.</summary>
    public static void CheckAsOffered(IEnumerable<string> contractOfferIds, string offerId, (decimal Offer, decimal Contract) premium, (decimal Offer, decimal Contract) coverage)
    {
        var ids = contractOfferIds.ToList();
        if (!ids.Contains(offerId))
        {
            throw new StepCheckException("contract offers", $"to include offer {offerId}", string.Join(",", ids));
        }

        StepCheckException.ThrowIfDifferent("contract premium", premium.Offer, premium.Contract);
        StepCheckException.ThrowIfDifferent("contract coverage", coverage.Offer, coverage.Contract);
    }

    /// <summary>Checks that a payout receipt is a PDF and stores it in the context.</summary>
    public static ApiResponse StoreReceipt(JourneyContext context, ApiResponse<PayoutReceipt> response)
    {
        var receipt = response.RequiredBody;
        StepCheckException.ThrowIfFalse(receipt.Content.AsSpan().StartsWith("%PDF-"u8), "receipt", "a PDF document", $"{receipt.Content.Length} bytes of {receipt.ContentType}");
        context.PayoutReceipt = receipt;
        return response;
    }

    private static async Task<ApiResponse> ExpectPayment(JourneyContext context, string? token, bool succeeded, Func<JourneyContext, string?, Task<ApiResponse>> pay)
    {
        var response = await pay(context, token);
        StepCheckException.ThrowIfDifferent("payment succeeded", succeeded, context.PaymentSucceeded);
        return response;
    }
}
