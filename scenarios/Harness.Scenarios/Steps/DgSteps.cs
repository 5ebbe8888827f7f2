using Harness.Client;
using Harness.Client.Models;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Steps;

/// <summary>The Disruption Guarantee requests as reusable steps (same conventions as <see cref="CfarSteps"/>).</summary>
public static class DgSteps
{
    public static readonly Step CreateOffersStep = new("create DG offers and pick one", StepOutcome.Status(201), CreateOffers);

    public static readonly Step CreateContractStep = new("create DG contract", StepOutcome.Status(201), CreateContract);

    public static readonly Step ConfirmContractStep = new("update DG status to confirmed (airline is merchant of record)", StepOutcome.Status(200), UpdateStatus(DgStatus.Confirmed));

    public static readonly Step ProcessPaymentStep = new("process DG payment (HTS is merchant of record)", StepOutcome.Status(200), ProcessPayment);

    public static readonly Step ProcessDeclinedPaymentStep = new("process DG payment that is declined", StepOutcome.Status(200), ProcessDeclinedPayment);

    public static readonly Step GetConfirmedContractStep = new("get DG contract (confirmed, as offered)", StepOutcome.Status(200), GetContractExpecting(DgStatus.Confirmed));

    public static readonly Step GetCreatedContractStep = new("get DG contract (still created)", StepOutcome.Status(200), GetContractExpecting(DgStatus.Created));

    public static readonly Step UpdateItinerarySlicesStep = new("update DG itinerary slices", StepOutcome.Status(200), UpdateItinerarySlices);

    public static readonly Step QueueContractStep = new("update DG status to queued", StepOutcome.Status(200), UpdateStatus(DgStatus.Queued));

    public static readonly Step FailContractStep = new("update DG status to failed", StepOutcome.Status(200), UpdateStatus(DgStatus.Failed));

    public static readonly Step CancelContractStep = new("update DG status to canceled", StepOutcome.Status(200), UpdateStatus(DgStatus.Canceled));

    public static readonly Step CreateExerciseStep = new("create DG exercise", StepOutcome.Status(201), CreateExercise);

    public static readonly Step GetExerciseSessionStep = new("get DG exercise session", StepOutcome.Status(200), GetExerciseSession);

    public static readonly Step GetPayoutReceiptStep = new("get DG payout receipt", StepOutcome.Status(200), GetPayoutReceipt);

    /// <summary><c>POST /dg_offers</c> for the context's trip on its session; picks one offer.</summary>
    public static async Task<ApiResponse> CreateOffers(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Prepared?.DgOffers ?? context.Fakers.CreateDgOffersRequest(context.Trip);
        request = context.SessionId is null || request.Session is null ? request : request with { Session = null };
        var response = await context.Client.CreateDgOffersAsync(request, context.SessionId, context.CancellationToken);
        context.DgOffers = response.RequiredBody;
        context.DgOffer = ProductSteps.PickOffer(context, response, context.DgOffers);
        return response;
    }

    /// <summary><c>POST /dg_contracts</c> for the picked offer with the offer's itinerary.</summary>
    public static async Task<ApiResponse> CreateContract(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var offer = JourneyContext.Require(context.DgOffer, "DG offer");
        var response = await context.Client.CreateDgContractAsync(context.Fakers.CreateDgContractRequest(offer), context.CancellationToken);
        var contract = response.RequiredBody;
        StepCheckException.ThrowIfDifferent("contract status", DgStatus.Created, contract.Status);
        context.DgContract = contract;
        return response;
    }

    /// <summary><c>PUT /dg_contracts/{id}/update_status</c>; confirmed carries a PNR and payment adding up to the trip's total.</summary>
    public static Func<JourneyContext, Task<ApiResponse>> UpdateStatus(DgStatus status) => async context =>
    {
        ArgumentNullException.ThrowIfNull(context);
        var contract = JourneyContext.Require(context.DgContract, "DG contract");
        var request = context.Fakers.UpdateDgContractStatusRequest(status, context.Trip);
        var response = await context.Client.UpdateDgContractStatusAsync(contract.Id, request, context.CancellationToken);
        var updated = response.RequiredBody;
        StepCheckException.ThrowIfDifferent("contract status", status, updated.Status);
        context.DgContract = updated;
        return response;
    };

    /// <summary><c>POST /dg_contracts/{id}/payment</c> with the context's token (or the faker's); expects <c>succeeded: true</c>.</summary>
    public static Task<ApiResponse> ProcessPayment(JourneyContext context) => ProductSteps.ProcessPayment(context, Pay);

    /// <summary><c>POST /dg_contracts/{id}/payment</c> with a token the target declines; expects <c>succeeded: false</c>.</summary>
    public static Task<ApiResponse> ProcessDeclinedPayment(JourneyContext context) => ProductSteps.ProcessDeclinedPayment(context, Pay);

    /// <summary><c>GET /dg_contracts/{id}</c>, checking the status and that premium, coverage, service cap and currency are the offer's.</summary>
    public static Func<JourneyContext, Task<ApiResponse>> GetContractExpecting(DgStatus status) => async context =>
    {
        ArgumentNullException.ThrowIfNull(context);
        var known = JourneyContext.Require(context.DgContract, "DG contract");
        var response = await context.Client.GetDgContractAsync(known.Id, context.CancellationToken);
        var contract = response.RequiredBody;
        StepCheckException.ThrowIfDifferent("contract status", status, contract.Status);
        if (context.DgOffer is { } offer)
        {
            ProductSteps.CheckAsOffered(contract.Offers.Select(o => o.Id), offer.Id, (offer.PremiumValue, contract.PremiumValue), (offer.CoverageValue, contract.CoverageValue));
            StepCheckException.ThrowIfDifferent("contract service_cap", offer.ServiceCapValue, contract.ServiceCapValue);
            StepCheckException.ThrowIfDifferent("contract currency", offer.Currency, contract.Currency);
        }

        context.DgContract = contract;
        return response;
    };

    /// <summary><c>PUT /dg_contracts/{id}/itinerary_slices</c> (a bare array): the trip's flights moved by a few days.</summary>
    public static async Task<ApiResponse> UpdateItinerarySlices(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contract = JourneyContext.Require(context.DgContract, "DG contract");
        var slices = context.Fakers.DgItinerarySlices(context.Trip);
        var response = await context.Client.UpdateDgItinerarySlicesAsync(contract.Id, slices, context.CancellationToken);
        var updated = response.RequiredBody;
        StepCheckException.ThrowIfDifferent("first segment departure", slices[0].Segments[0].DepartureDateTime, updated.Itinerary.Slices[0].Segments[0].DepartureDateTime);
        context.DgContract = updated;
        return response;
    }

    /// <summary><c>POST /dg_contract_exercises</c> for the contract; stores the exercise and its <c>HTS-Session-ID</c>.</summary>
    public static async Task<ApiResponse> CreateExercise(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contract = JourneyContext.Require(context.DgContract, "DG contract");
        var request = context.Fakers.CreateDgContractExerciseRequest(contract.Id, context.Trip);
        var response = await context.Client.CreateDgExerciseAsync(request, cancellationToken: context.CancellationToken);
        var exercise = response.RequiredBody;
        StepCheckException.ThrowIfFalse(response.HtsSessionId is not null, "HTS-Session-ID header", "present", "(none)");
        context.DgExercise = exercise;
        context.DgExerciseSessionId = response.HtsSessionId;
        return response;
    }

    /// <summary><c>GET /customer/dg_exercises/{id}/session</c>: must name the session the exercise answered with.</summary>
    public static async Task<ApiResponse> GetExerciseSession(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exercise = JourneyContext.Require(context.DgExercise, "DG exercise");
        var response = await context.Client.GetDgExerciseSessionAsync(exercise.Id, context.CancellationToken);
        StepCheckException.ThrowIfDifferent("exercise session_id", context.DgExerciseSessionId, response.RequiredBody.SessionId);
        return response;
    }

    /// <summary><c>GET /customer/dg/payout/receipt</c> in the exercise's session (<c>HC-Session-ID</c>, the spec's SessionAuth): a PDF.</summary>
    public static async Task<ApiResponse> GetPayoutReceipt(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = JourneyContext.Require(context.DgExerciseSessionId, "DG exercise session");
        return ProductSteps.StoreReceipt(context, await context.Client.GetDgPayoutReceiptAsync(hcSessionId: session, cancellationToken: context.CancellationToken));
    }

    private static async Task<ApiResponse> Pay(JourneyContext context, string? token)
    {
        var contract = JourneyContext.Require(context.DgContract, "DG contract");
        var request = context.Fakers.ProcessDgPaymentRequest();
        if (token is not null)
        {
            request = request with { PaymentToken = token };
        }

        var response = await context.Client.ProcessDgPaymentAsync(contract.Id, request, context.CancellationToken);
        context.PaymentSucceeded = response.RequiredBody.Succeeded;
        return response;
    }
}
