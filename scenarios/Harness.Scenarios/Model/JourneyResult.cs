using System.Globalization;
using System.Text;
using Harness.Client.Logging;

namespace Harness.Scenarios.Model;

/// <summary>One step as it ran: what it expected, what came back, and the HTTP calls it made (credentials masked).</summary>
public sealed record StepRecord(int Number, string Name, string Expected, string Actual, bool Passed, IReadOnlyList<ApiCallLog> Calls, TimeSpan Duration);

/// <summary>The first step that did not get its expected outcome, and why.</summary>
public sealed record JourneyFailure(string JourneyName, int StepNumber, string StepName, string Expected, string Actual, int Seed, Exception? Cause)
{
    /// <summary>Names the journey, the step, expected and actual outcome, and how to reproduce the data.</summary>
    public string Message => string.Create(
        CultureInfo.InvariantCulture,
        $"Journey '{JourneyName}' failed at step {StepNumber} '{StepName}': expected {Expected}, actual {Actual}. Reproduce with HARNESS_SEED={Seed}.");
}

/// <summary>What a journey run did, step by step; <see cref="Failure"/> is null when every step passed.</summary>
public sealed record JourneyResult(string JourneyName, int Seed, IReadOnlyList<StepRecord> Steps, JourneyFailure? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>Throws <see cref="JourneyFailedException"/> when a step failed.</summary>
    public JourneyResult ThrowIfFailed() => Failure is null ? this : throw new JourneyFailedException(Failure, Transcript());

    /// <summary>Every step and call, one line each, as the runner logged them.</summary>
    public string Transcript()
    {
        var text = new StringBuilder();
        foreach (var step in Steps)
        {
            text.AppendLine(JourneyRunner.Describe(JourneyName, step));
            foreach (var call in step.Calls)
            {
                text.Append("    ").AppendLine(JourneyRunner.Describe(call));
            }
        }

        return text.ToString();
    }
}

/// <summary>A journey step failed; the message names journey, step, expected, actual and the seed.</summary>
public sealed class JourneyFailedException : Exception
{
    public JourneyFailedException()
        : this("A journey failed.")
    {
    }

    public JourneyFailedException(string message)
        : base(message)
    {
    }

    public JourneyFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JourneyFailedException(JourneyFailure failure, string transcript)
        : base((failure ?? throw new ArgumentNullException(nameof(failure))).Message + Environment.NewLine + transcript, failure.Cause)
    {
        Failure = failure;
    }

    public JourneyFailure? Failure { get; }
}
