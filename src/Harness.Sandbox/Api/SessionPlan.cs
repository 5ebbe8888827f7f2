using System.Text.Json;
using Harness.Sandbox.Domain;

namespace Harness.Sandbox.Api;

/// <summary>
/// The session an offer or exercise belongs to: the HC-Session-ID header (must exist), else the inline session object
/// (created when new), else a new session when asked. Planning stores nothing; <see cref="Commit"/> does that once the
/// request is known to be good.
/// </summary>
internal readonly record struct SessionPlan(string? Id, bool IsNew)
{
    public static SessionPlan For(OperationRequest request, SandboxState state, bool createWhenAbsent)
    {
        if (request.SessionId is { } header)
        {
            return state.HasSession(header)
                ? new SessionPlan(header, false)
                : throw ApiException.Unprocessable(OperationRequest.SessionHeader, "unknown_session", $"HC-Session-ID '{header}' is not a known session.");
        }

        if (request.Root.ValueKind == JsonValueKind.Object && request.Root.TryGetProperty("session"u8, out var inline) && inline.ValueKind == JsonValueKind.Object)
        {
            // A session id the sandbox draws is new (122 random bits); only a named one is looked up.
            return inline.TryGetProperty("session_id"u8, out var sessionId) && sessionId.GetString() is { } named
                ? new SessionPlan(named, !state.HasSession(named))
                : new SessionPlan(RandomIds.NewId(), true);
        }

        return createWhenAbsent ? new SessionPlan(RandomIds.NewId(), true) : new SessionPlan(null, false);
    }

    public void Commit(SandboxState state, DateTimeOffset now)
    {
        if (IsNew && Id is { } id)
        {
            state.Sessions.TryAdd(id, new Session(now));
        }
    }
}
