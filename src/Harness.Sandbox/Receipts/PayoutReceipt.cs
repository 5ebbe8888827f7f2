using Harness.Sandbox.Domain;

namespace Harness.Sandbox.Receipts;

/// <summary>
/// What a payout receipt says, for either product: the contract, the exercise, one line of the product's own
/// (<paramref name="Detail"/>), the payout, and when it happened.
/// </summary>
internal sealed record PayoutReceipt(
    ProductRules Rules,
    string ContractId,
    string ExerciseId,
    string Detail,
    decimal Amount,
    string Currency,
    string TimeLabel,
    DateTimeOffset Time)
{
    public string FileName => $"{Rules.Product}-receipt-{ExerciseId}.pdf";

    public byte[] ToPdf() => PdfReceipt.Build($"{Rules.Label} payout receipt", [
        $"Contract: {ContractId}",
        $"Exercise: {ExerciseId}",
        Detail,
        $"Payout amount: {Pricing.Money(Amount)} {Currency}",
        $"{TimeLabel}: {Pricing.Timestamp(Time)}",
    ]);
}
