using Harness.Client.Logging;

namespace Harness.Scenarios.Model;

/// <summary>
/// Routes the client's call-log hook to the step that made the call: the runner opens a capture around each step and
/// the calls made in that async flow land in it. Outside a capture a call costs one AsyncLocal read.
/// </summary>
public static class StepCallCapture
{
    private static readonly AsyncLocal<List<ApiCallLog>?> Current = new();

    /// <summary>Pass as <c>AirlineApiOptions.OnCall</c> (ScenarioTarget does) to see calls in step logs.</summary>
    public static void Record(ApiCallLog call) => Current.Value?.Add(call);

    internal static List<ApiCallLog>? Begin()
    {
        var previous = Current.Value;
        Current.Value = [];
        return previous;
    }

    internal static IReadOnlyList<ApiCallLog> End(List<ApiCallLog>? previous)
    {
        var calls = Current.Value ?? [];
        Current.Value = previous;
        return calls;
    }
}
