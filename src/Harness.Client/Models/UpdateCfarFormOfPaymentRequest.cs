namespace Harness.Client.Models;

/// <summary>Spec: "Request object related to the update of forms of payment for CFAR contract"</summary>
public sealed record UpdateCfarFormOfPaymentRequest
{
    public required IReadOnlyList<FormOfPayment> FormsOfPayment { get; init; }
}
