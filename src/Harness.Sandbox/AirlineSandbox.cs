using System.Collections.Concurrent;
using Harness.Sandbox.Domain;
using Harness.Spec;

namespace Harness.Sandbox;

/// <summary>
/// One sandbox provider: its state, tokens, faults and behaviour switches. Map it into any app with
/// <see cref="SandboxEndpoints.MapAirlineSandbox"/>; <see cref="SandboxHost"/> does that on its own Kestrel.
/// </summary>
public sealed class AirlineSandbox
{
    /// <summary>A payment token that is always declined: the payment answers 200 {"succeeded": false} and confirms nothing.</summary>
    public const string DeclinePaymentToken = "tok_decline";

    public AirlineSandbox(SandboxOptions? options = null)
    {
        Options = options ?? new SandboxOptions();
        if (Options.MaxEntities < 1)
        {
            throw new ArgumentException($"MaxEntities must be at least 1, not {Options.MaxEntities}.", nameof(options));
        }

        if (Options.TokenLifetime < TimeSpan.FromSeconds(1) || Options.TokenLifetime.TotalSeconds > int.MaxValue)
        {
            throw new ArgumentException(
                $"TokenLifetime must be between 1 second and {int.MaxValue} seconds (expires_in is an int32), not {Options.TokenLifetime}.", nameof(options));
        }

        foreach (var operation in Options.NotPerformedOperations)
        {
            SetNotPerformed(operation, true);
        }

        State = new SandboxState(() => Options.MaxEntities);
        Tokens = new TokenStore(Options.Clock, Options.MaxEntities);
        Validator = SchemaValidator.AirlineApiAsWritten;
    }

    public SandboxOptions Options { get; }

    public SandboxState State { get; }

    public FaultInjector Faults { get; } = new();

    internal TokenStore Tokens { get; }

    internal SchemaValidator Validator { get; }

    internal ConcurrentDictionary<string, bool> NotPerformed { get; } = new(StringComparer.Ordinal);

    /// <summary>Products no token may use right now ("the client lacks the product").</summary>
    internal ConcurrentDictionary<string, bool> WithheldProducts { get; } = new(StringComparer.Ordinal);

    internal ConcurrentDictionary<string, ResponseBreak> Breaks { get; } = new(StringComparer.Ordinal);

    /// <summary>CFAR exercises by redirection token, which doubles as the receipt's verification-code.</summary>
    internal ConcurrentDictionary<string, string> ExerciseByVerificationCode { get; } = new(StringComparer.Ordinal);

    internal bool DeclineAllPayments { get; set; }

    /// <summary>Keeps provider states to one request (set when the provider-state endpoint is mapped; null otherwise).</summary>
    internal Admin.ProviderStateScope? StateScope { get; set; }

    internal DateTimeOffset Now => Options.Clock.GetUtcNow();

    /// <summary>Makes one of the eight operations that declare it answer its "validated but not performed" 204.</summary>
    public void SetNotPerformed(string operationId, bool enabled)
    {
        if (!AirlineOperations.WithNotPerformed.Contains(operationId))
        {
            throw new ArgumentException(
                $"Operation '{operationId}' declares no 'validated but not performed' 204; use one of {string.Join(", ", AirlineOperations.WithNotPerformed)}.",
                nameof(operationId));
        }

        if (enabled)
        {
            NotPerformed[operationId] = true;
        }
        else
        {
            NotPerformed.TryRemove(operationId, out _);
        }
    }

    /// <summary>
    /// Forgets every entity and behaviour switch set by provider states. Issued tokens stay valid, and response
    /// breaks stay until DELETE /_admin/break, so a deliberately broken provider stays broken across interactions.
    /// </summary>
    public void Reset()
    {
        State.Reset();
        ExerciseByVerificationCode.Clear();
        NotPerformed.Clear();
        foreach (var operation in Options.NotPerformedOperations)
        {
            NotPerformed[operation] = true;
        }

        WithheldProducts.Clear();
        DeclineAllPayments = false;
    }
}

/// <summary>A deliberate defect in one operation's responses: a field removed, or renamed when RenameTo is set.</summary>
public sealed record ResponseBreak(string OperationId, string Field, string? RenameTo = null);
