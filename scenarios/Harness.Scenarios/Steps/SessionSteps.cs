using Harness.Client;
using Harness.Client.Models;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Steps;

/// <summary>Sessions and analytics events: the first step of every flow (spec: "the first step is to Create a Session").</summary>
public static class SessionSteps
{
    /// <summary><c>POST /sessions</c> with flow_type purchase; stores <see cref="JourneyContext.SessionId"/>.</summary>
    public static async Task<ApiResponse> CreatePurchaseSession(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = await context.Client.CreateSessionAsync(SessionRequest(context, FlowType.Purchase, product: null), context.CancellationToken);
        context.SessionId = response.RequiredBody.Id;
        return response;
    }

    /// <summary>
    /// <c>POST /sessions</c> with flow_type exercise and the product (spec prose: "Required for sessions having flow_type
    /// exercise"); stores <see cref="JourneyContext.ExerciseSessionId"/>.
    /// </summary>
    public static async Task<ApiResponse> CreateCfarExerciseSession(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = await context.Client.CreateSessionAsync(SessionRequest(context, FlowType.Exercise, Product.Cfar), context.CancellationToken);
        context.ExerciseSessionId = response.RequiredBody.Id;
        return response;
    }

    /// <summary><c>POST /events</c> offers_displayed on the purchase session.</summary>
    public static Task<ApiResponse> SendOffersDisplayed(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sessionId = JourneyContext.Require(context.SessionId, "purchase session");
        return context.Client.SendEventAsync(sessionId, context.Fakers.OffersDisplayed(), context.CancellationToken);
    }

    /// <summary><c>POST /events</c> booking_confirmed naming the journey's CFAR and DG contracts (and no others).</summary>
    public static Task<ApiResponse> SendBookingConfirmed(JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sessionId = JourneyContext.Require(context.SessionId, "purchase session");
        // The faker invents contract ids when none are given; a real booking names only its own contracts.
        var evt = context.Fakers.BookingConfirmed() with { CfarContractId = context.CfarContract?.Id, DgContractId = context.DgContract?.Id };
        return context.Client.SendEventAsync(sessionId, evt, context.CancellationToken);
    }

    public static readonly Step CreatePurchaseSessionStep = new("create purchase session", StepOutcome.Status(201), CreatePurchaseSession);

    public static readonly Step CreateCfarExerciseSessionStep = new("create CFAR exercise session", StepOutcome.Status(201), CreateCfarExerciseSession);

    public static readonly Step OffersDisplayedStep = new("send offers_displayed event", StepOutcome.Status(204), SendOffersDisplayed);

    public static readonly Step BookingConfirmedStep = new("send booking_confirmed event", StepOutcome.Status(204), SendBookingConfirmed);

    // The server assigns the id: a seeded session_id would repeat whenever a seed is reused on the same target (and
    // a prepared trip is sent by many load iterations).
    private static CreateAirlineSessionRequest SessionRequest(JourneyContext context, FlowType flow, Product? product)
    {
        if (flow == FlowType.Purchase && context.Prepared is { } prepared)
        {
            return prepared.PurchaseSession.SessionId is null ? prepared.PurchaseSession : prepared.PurchaseSession with { SessionId = null };
        }

        var request = context.Fakers.CreateAirlineSessionRequest(flow) with { SessionId = null };
        return product is null ? request : request with { Product = product };
    }
}
