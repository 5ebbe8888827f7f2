using System.Diagnostics;
using System.Globalization;
using System.Text;
using Harness.Client;
using Harness.Client.Logging;

namespace Harness.Scenarios.Model;

/// <summary>What a runner may do on its target and where its step log goes.</summary>
public sealed class JourneyRunnerOptions
{
    /// <summary>Receives one line per step and per HTTP call, already redacted.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Values never to appear in a log line or failure (the client secret); bearer tokens are masked by the client.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>False refuses journeys that create confirmed or paid contracts (a real target without the opt-in).</summary>
    public bool AllowPaidJourneys { get; init; } = true;

    /// <summary>False refuses sandbox-only journeys.</summary>
    public bool IsSandbox { get; init; } = true;
}

/// <summary>
/// Runs a journey's steps in order, stopping at the first one whose outcome differs from the expected one, and logs
/// each step (name, outcome) and each HTTP call (method, path, status, duration, masked headers).
/// </summary>
public sealed class JourneyRunner(JourneyRunnerOptions? options = null)
{
    public const string AllowPaidJourneysVariable = "HARNESS_ALLOW_PAID_JOURNEYS";

    private readonly JourneyRunnerOptions _options = options ?? new JourneyRunnerOptions();

    /// <summary>Runs <paramref name="journey"/> with <paramref name="context"/> (which may carry state from an earlier journey).</summary>
    public async Task<JourneyResult> RunAsync(Journey journey, JourneyContext context)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(context);
        EnsureAllowed(journey);

        var records = new List<StepRecord>(journey.Steps.Count);
        for (var i = 0; i < journey.Steps.Count; i++)
        {
            var step = journey.Steps[i];
            var (record, cause) = await RunStepAsync(i + 1, step, context);
            records.Add(record);
            Write(Describe(journey.Name, record));
            foreach (var call in record.Calls)
            {
                Write("    " + Describe(call));
            }

            if (!record.Passed)
            {
                var failure = new JourneyFailure(journey.Name, record.Number, record.Name, record.Expected, record.Actual, context.Seed, cause);
                Write(failure.Message);
                return new JourneyResult(journey.Name, context.Seed, records, failure);
            }
        }

        return new JourneyResult(journey.Name, context.Seed, records, null);
    }

    /// <summary>Runs the journey and throws <see cref="JourneyFailedException"/> when a step fails.</summary>
    public async Task<JourneyResult> RunOrThrowAsync(Journey journey, JourneyContext context) =>
        (await RunAsync(journey, context)).ThrowIfFailed();

    internal static string Describe(string journey, StepRecord step) => string.Create(
        CultureInfo.InvariantCulture,
        $"[{journey}] step {step.Number} '{step.Name}': {(step.Passed ? "ok" : "FAILED")}, expected {step.Expected}, actual {step.Actual} ({step.Duration.TotalMilliseconds:F0} ms)");

    internal static string Describe(ApiCallLog call)
    {
        var line = new StringBuilder(call.ToString());
        foreach (var (name, value) in call.RequestHeaders)
        {
            line.Append(' ').Append(name).Append('=').Append(value);
        }

        return line.ToString();
    }

    private void EnsureAllowed(Journey journey)
    {
        if (journey.Requirements.HasFlag(JourneyRequirements.Sandbox) && !_options.IsSandbox)
        {
            throw new InvalidOperationException($"Journey '{journey.Name}' relies on sandbox-only behaviour and cannot run against a real target.");
        }

        if (journey.Requirements.HasFlag(JourneyRequirements.PaidContracts) && !_options.AllowPaidJourneys)
        {
            throw new InvalidOperationException(
                $"Journey '{journey.Name}' creates confirmed or paid contracts; set {AllowPaidJourneysVariable}=true to run it against a real target.");
        }
    }

    private async Task<(StepRecord Record, Exception? Cause)> RunStepAsync(int number, Step step, JourneyContext context)
    {
        var expected = step.Expected.ToString();
        string actual;
        bool passed;
        Exception? cause = null;
        IReadOnlyList<ApiCallLog> calls = [];
        var previous = StepCallCapture.Begin();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await step.Action(context);
            actual = response.NotPerformed
                ? string.Create(CultureInfo.InvariantCulture, $"{response.StatusCode} (validated but not performed)")
                : response.StatusCode.ToString(CultureInfo.InvariantCulture);
            passed = step.Expected.Accepts(response.StatusCode, []);
        }
        catch (AirlineApiException error)
        {
            var codes = error.Errors.Where(e => e.Code is not null).Select(e => e.Code!).ToList();
            actual = $"{error.StatusCode}{(codes.Count > 0 ? " " + string.Join(",", codes) : string.Empty)} ({error.Message.TrimEnd('.')})";
            passed = step.Expected.Accepts(error.StatusCode, codes);
            cause = passed ? null : error;
        }
        catch (StepCheckException check)
        {
            expected = check.Expected;
            actual = check.Actual;
            passed = false;
            cause = check;
        }
        catch (Exception error) when (error is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            actual = $"{error.GetType().Name}: {error.Message}";
            passed = false;
            cause = error;
        }
        finally
        {
            // A failed step still reports the calls it made.
            calls = StepCallCapture.End(previous);
        }

        var record = new StepRecord(number, step.Name, Redact(expected), Redact(actual), passed, calls, Stopwatch.GetElapsedTime(started));
        return (record, cause);
    }

    private void Write(string line) => _options.Log?.Invoke(Redact(line));

    private string Redact(string text) => Redactor.Redact(text, _options.Secrets);
}
