using Harness.Client;
using Harness.Client.Models;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Steps;

/// <summary>
/// The CFAR requests as reusable steps. Each method makes one call through the client with seeded fake data, stores
/// what later steps need in the context, and checks the answer (throwing <see cref="StepCheckException"/>).
/// </summary>
public static class CfarSteps
{
    public static readonly Step CreateOffersStep = new("create CFAR offers and pick one", StepOutcome.Status(201), CreateOffers);

    public static readonly Step CreateExternalOfferStep = new("create external CFAR offer", StepOutcome.Status(201), CreateExternalOffer);

    public static readonly Step CreateContractStep = new("create CFAR contract", StepOutcome.Status(201), CreateContract);

    public static readonly Step ConfirmContractStep = new("update CFAR status to confirmed (airline is merchant of record)", StepOutcome.Status(200), ConfirmContract);

    public static readonly Step ProcessPaymentStep = new("process CFAR payment (HTS is merchant of record)", StepOutcome.Status(200), ProcessPayment);

    public static readonly Step ProcessDeclinedPaymentStep = new("process CFAR payment that is declined", StepOutcome.Status(200), ProcessDeclinedPayment);

    public static readonly Step GetConfirmedContractStep = new("get CFAR contract (confirmed, as offered)", StepOutcome.Status(200), GetContractExpecting(CfarStatus.Confirmed));

    public static readonly Step GetCreatedContractStep = new("get CFAR contract (still created)", StepOutcome.Status(200), GetContractExpecting(CfarStatus.Created));

    public static readonly Step UpdateFormsOfPaymentStep = new("update CFAR forms of payment", StepOutcome.Status(200), UpdateFormsOfPayment);

    public static readonly Step UpdateItinerarySlicesStep = new("update CFAR itinerary slices", StepOutcome.Status(200), UpdateItinerarySlices);

    public static readonly Step CancelContractStep = new("update CFAR status to canceled", StepOutcome.Status(200), UpdateStatus(CfarStatus.Canceled));

    public static readonly Step VoidContractStep = new("update CFAR status to voided", StepOutcome.Status(200), UpdateStatus(CfarStatus.Voided));

    public static readonly Step CreateExerciseStep = new("create CFAR exercise", StepOutcome.Status(201), CreateExercise);

    public static readonly Step MarkExerciseCompletedStep = new("mark CFAR exercise completed", StepOutcome.Status(200), MarkExerciseCompleted);

    public static readonly Step GetPayoutReceiptStep = new("get CFAR payout receipt", StepOutcome.Status(200), GetPayoutReceipt);

    /// <summary><c>POST /cfar_offers</c> for the context's trip on its session; picks one offer.</summary>
    public static async Task<ApiResponse> CreateOffers(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Prepared?.CfarOffers ?? context.Fakers.CreateCfarOfferRequest(context.Trip);
        // With a session header the inline session would be a second, conflicting one.
        request = context.SessionId is null || request.Session is null ? request : request with { Session = null };
        var response = await context.Client.CreateCfarOffersAsync(request, context.SessionId, context.CancellationToken);
        context.CfarOffers = response.RequiredBody;
        context.CfarOffer = ProductSteps.PickOffer(context, response, context.CfarOffers);
        return response;
    }

    /// <summary><c>POST /cfar_offers/external</c>: an offer priced by the airline's former provider (data migration).</summary>
    public static async Task<ApiResponse> CreateExternalOffer(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Fakers.CreateExternalCfarOfferRequest(context.Trip);
        request = context.SessionId is null ? request : request with { Session = null };
        var response = await context.Client.CreateExternalCfarOfferAsync(request, context.SessionId, context.CancellationToken);
        var offer = response.RequiredBody;
        StepCheckException.ThrowIfDifferent("external offer premium", AmountOf(request.PremiumTotalAmount), offer.PremiumValue);
        StepCheckException.ThrowIfDifferent("external offer coverage", AmountOf(request.PayoutTotalAmount), offer.CoverageValue);
        StepCheckException.ThrowIfDifferent("external offer currency", request.Currency, offer.Currency);
        context.SessionId ??= response.HtsSessionId;
        context.CfarOffers = [offer];
        context.CfarOffer = offer;
        return response;
    }

    /// <summary>
    /// <c>POST /cfar_contracts</c> for the picked offer with the offer's itinerary; checks that the contract is created
    /// with the offer's premium, coverage and currency.
    /// </summary>
    public static async Task<ApiResponse> CreateContract(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var offer = JourneyContext.Require(context.CfarOffer, "CFAR offer");
        var request = context.Prepared is { } prepared
            ? new CreateCfarContractRequest
            {
                OfferIds = [offer.Id],
                Itinerary = offer.Itinerary,
                ExtAttributes = offer.ExtAttributes,
                PnrReference = prepared.CfarConfirmation.PnrReference,
            }
            : context.Fakers.CreateCfarContractRequest(offer);
        var response = await context.Client.CreateCfarContractAsync(request, context.CancellationToken);
        var contract = response.RequiredBody;
        StepCheckException.ThrowIfDifferent("contract status", CfarStatus.Created, contract.Status);
        StepCheckException.ThrowIfDifferent("contract premium", offer.PremiumValue, contract.PremiumValue);
        StepCheckException.ThrowIfDifferent("contract coverage", offer.CoverageValue, contract.CoverageValue);
        StepCheckException.ThrowIfDifferent("contract currency", offer.Currency, contract.Currency);
        context.CfarContract = contract;
        return response;
    }

    /// <summary><c>PUT …/update_status</c> confirmed with a PNR and forms of payment that add up to the trip's total.</summary>
    public static async Task<ApiResponse> ConfirmContract(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contract = JourneyContext.Require(context.CfarContract, "CFAR contract");
        var request = context.Prepared?.CfarConfirmation ?? context.Fakers.UpdateCfarContractRequest(CfarStatus.Confirmed, context.Trip);
        var response = await context.Client.UpdateCfarContractStatusAsync(contract.Id, request, context.SessionId, context.CancellationToken);
        var updated = response.RequiredBody;
        StepCheckException.ThrowIfDifferent("contract status", CfarStatus.Confirmed, updated.Status);
        StepCheckException.ThrowIfDifferent("contract pnr_reference", request.PnrReference, updated.PnrReference);
        context.CfarContract = updated;
        return response;
    }

    /// <summary><c>POST /cfar_contracts/{id}/payment</c> with the context's token (or the prepared or faker's one); expects <c>succeeded: true</c>.</summary>
    public static Task<ApiResponse> ProcessPayment(JourneyContext context) => ProductSteps.ProcessPayment(context, Pay);

    /// <summary><c>POST /cfar_contracts/{id}/payment</c> with a token the target declines; expects <c>succeeded: false</c>.</summary>
    public static Task<ApiResponse> ProcessDeclinedPayment(JourneyContext context) => ProductSteps.ProcessDeclinedPayment(context, Pay);

    /// <summary>
    /// <c>GET /cfar_contracts/{id}</c>, checking the status and that premium, coverage and currency are the picked offer's.
    /// </summary>
    public static Func<JourneyContext, Task<ApiResponse>> GetContractExpecting(CfarStatus status) => async context =>
    {
        ArgumentNullException.ThrowIfNull(context);
        var known = JourneyContext.Require(context.CfarContract, "CFAR contract");
        var response = await context.Client.GetCfarContractAsync(known.Id, context.SessionId, context.CancellationToken);
        var contract = response.RequiredBody;
        StepCheckException.ThrowIfDifferent("contract status", status, contract.Status);
        if (context.CfarOffer is { } offer)
        {
            ProductSteps.CheckAsOffered(contract.Offers.Select(o => o.Id), offer.Id, (offer.PremiumValue, contract.PremiumValue), (offer.CoverageValue, contract.CoverageValue));
            StepCheckException.ThrowIfDifferent("contract currency", offer.Currency, contract.Currency);
        }

        context.CfarContract = contract;
        return response;
    };

    /// <summary><c>PUT …/update_status</c> to a status that needs no payment details (canceled, voided, charged_back).</summary>
    public static Func<JourneyContext, Task<ApiResponse>> UpdateStatus(CfarStatus status) => async context =>
    {
        ArgumentNullException.ThrowIfNull(context);
        var contract = JourneyContext.Require(context.CfarContract, "CFAR contract");
        var request = context.Fakers.UpdateCfarContractRequest(status, context.Trip);
        var response = await context.Client.UpdateCfarContractStatusAsync(contract.Id, request, context.SessionId, context.CancellationToken);
        var updated = response.RequiredBody;
        StepCheckException.ThrowIfDifferent("contract status", status, updated.Status);
        context.CfarContract = updated;
        return response;
    };

    /// <summary><c>PUT …/forms_of_payment</c> with forms adding up to the trip's total.</summary>
    public static async Task<ApiResponse> UpdateFormsOfPayment(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contract = JourneyContext.Require(context.CfarContract, "CFAR contract");
        var request = context.Fakers.UpdateCfarFormOfPaymentRequest(context.Trip);
        var response = await context.Client.UpdateCfarFormsOfPaymentAsync(contract.Id, request, context.SessionId, context.CancellationToken);
        context.CfarContract = response.RequiredBody;
        return response;
    }

    /// <summary><c>PUT …/itinerary_slices</c>: the trip's flights moved by a few days (a schedule change).</summary>
    public static async Task<ApiResponse> UpdateItinerarySlices(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contract = JourneyContext.Require(context.CfarContract, "CFAR contract");
        var request = context.Fakers.UpdateCfarContractItinerarySlicesRequest(context.Trip);
        var response = await context.Client.UpdateCfarItinerarySlicesAsync(contract.Id, request, context.SessionId, context.CancellationToken);
        var updated = response.RequiredBody;
        var sent = request.Slices[0].Segments[0].DepartureDateTime;
        StepCheckException.ThrowIfDifferent("first segment departure", sent, updated.Itinerary.Slices[0].Segments[0].DepartureDateTime);
        context.CfarContract = updated;
        return response;
    }

    /// <summary>
    /// <c>POST /cfar_contract_exercises</c> on the exercise session; checks that the cash and FTC allowances are within
    /// the contract's coverage and in its currency.
    /// </summary>
    public static async Task<ApiResponse> CreateExercise(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contract = JourneyContext.Require(context.CfarContract, "CFAR contract");
        var request = context.Fakers.CreateCfarContractExerciseRequest(contract.Id, context.Trip);
        request = context.ExerciseSessionId is null ? request : request with { Session = null };
        var response = await context.Client.CreateCfarExerciseAsync(request, context.ExerciseSessionId, context.CancellationToken);
        var exercise = response.RequiredBody;
        StepCheckException.ThrowIfDifferent("exercise contract_id", contract.Id, exercise.ContractId);
        if (exercise.CashRefundAllowanceValue > contract.CoverageValue)
        {
            throw new StepCheckException("cash_refund_allowance", $"at most coverage {contract.Coverage}", exercise.CashRefundAllowance);
        }

        if (exercise.FtcRefundAllowanceValue > contract.CoverageValue)
        {
            throw new StepCheckException("ftc_refund_allowance", $"at most coverage {contract.Coverage}", exercise.FtcRefundAllowance ?? "(none)");
        }

        if (exercise.Currency is { } currency)
        {
            StepCheckException.ThrowIfDifferent("exercise currency", contract.Currency, currency);
        }

        context.CfarExercise = exercise;
        return response;
    }

    /// <summary><c>PUT …/mark_completed</c> paying out the whole allowance of the chosen refund method.</summary>
    public static Task<ApiResponse> MarkExerciseCompleted(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exercise = JourneyContext.Require(context.CfarExercise, "CFAR exercise");
        var request = context.Fakers.MarkCfarContractExerciseCompleteRequest();
        var method = request.RefundMethod == AirlineRefundMethod.Ftc && exercise.FtcRefundAllowanceValue is not null ? AirlineRefundMethod.Ftc : AirlineRefundMethod.Cash;
        var amount = method == AirlineRefundMethod.Ftc ? exercise.FtcRefundAllowanceValue!.Value : exercise.CashRefundAllowanceValue;
        context.CfarRefundAmount = amount;
        return MarkCompleted(context, exercise, request with { RefundMethod = method, RefundAmount = AirlineAmount.Format(amount) });
    }

    /// <summary><c>GET /customer/cfar/payout/receipt</c> with the exercise's redirection token as verification-code.</summary>
    public static async Task<ApiResponse> GetPayoutReceipt(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exercise = JourneyContext.Require(context.CfarExercise, "CFAR exercise");
        return ProductSteps.StoreReceipt(context, await context.Client.GetCfarPayoutReceiptAsync(exercise.RedirectionToken, cancellationToken: context.CancellationToken));
    }

    private static async Task<ApiResponse> MarkCompleted(JourneyContext context, CfarContractExercise exercise, MarkCfarContractExerciseCompleteRequest request)
    {
        var response = await context.Client.MarkCfarExerciseCompletedAsync(exercise.Id, request, context.ExerciseSessionId, context.CancellationToken);
        StepCheckException.ThrowIfDifferent("completed exercise id", exercise.Id, response.RequiredBody.Id);
        return response;
    }

    private static async Task<ApiResponse> Pay(JourneyContext context, string? token)
    {
        var contract = JourneyContext.Require(context.CfarContract, "CFAR contract");
        var request = context.Prepared?.CfarPayment ?? context.Fakers.ProcessCfarPaymentRequest();
        if (token is not null)
        {
            request = request with { PaymentMethodToken = token };
        }

        var response = await context.Client.ProcessCfarPaymentAsync(contract.Id, request, context.SessionId, context.CancellationToken);
        context.PaymentSucceeded = response.RequiredBody.Succeeded;
        return response;
    }

    private static decimal AmountOf(string amount) => AirlineAmount.Parse(amount, "amount");
}
