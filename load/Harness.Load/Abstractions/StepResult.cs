namespace Harness.Load;

/// <summary>The outcome of one measured step: ok or fail, the status code (0 = no response) and an optional size.</summary>
public readonly record struct StepResult(bool IsOk, int StatusCode, long SizeBytes = 0)
{
    /// <summary>
    /// The step did not apply to this iteration (a weighted mix chose another path): it is not recorded and the
    /// iteration goes on to the next step.
    /// </summary>
    public bool IsSkipped { get; private init; }

    public static StepResult Skip { get; } = new(true, 0) { IsSkipped = true };

    public static StepResult Ok(int statusCode = 200, long sizeBytes = 0) => new(true, statusCode, sizeBytes);

    public static StepResult Fail(int statusCode = 0, long sizeBytes = 0) => new(false, statusCode, sizeBytes);

    /// <summary>2xx is ok, anything else a failure; the usual rule for an HTTP step.</summary>
    public static StepResult FromStatus(int statusCode, long sizeBytes = 0) =>
        new(statusCode is >= 200 and < 300, statusCode, sizeBytes);
}
