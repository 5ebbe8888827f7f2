namespace Harness.Load;

/// <summary>What a scenario or a step returns: ok or error, a status code, a size and a message (NBomber's IResponse).</summary>
public interface IResponse
{
    string StatusCode { get; }

    bool IsError { get; }

    long SizeBytes { get; }

    string Message { get; }

    /// <summary>A latency the code measured itself (ms); 0 lets the runner measure.</summary>
    float LatencyMs { get; }
}

/// <summary>A response with a payload, which a step hands to the steps after it.</summary>
public sealed class Response<T> : IResponse
{
    internal Response(T? payload, string statusCode, bool isError, long sizeBytes, string message, float latencyMs)
    {
        Payload = payload;
        StatusCode = statusCode;
        IsError = isError;
        SizeBytes = sizeBytes;
        Message = message;
        LatencyMs = latencyMs;
    }

    public T? Payload { get; }

    public string StatusCode { get; }

    public bool IsError { get; }

    public long SizeBytes { get; }

    public string Message { get; }

    public float LatencyMs { get; }
}

/// <summary>NBomber's response factory: <c>Response.Ok()</c>, <c>Response.Ok(payload: user, statusCode: "201")</c>, <c>Response.Fail(statusCode: "500")</c>.</summary>
public static class Response
{
    public static Response<object> Ok(string statusCode = "", long sizeBytes = 0, string message = "", float customLatencyMs = 0) =>
        new(null, statusCode, false, sizeBytes, message, customLatencyMs);

    public static Response<T> Ok<T>(T payload, string statusCode = "", long sizeBytes = 0, string message = "", float customLatencyMs = 0) =>
        new(payload, statusCode, false, sizeBytes, message, customLatencyMs);

    public static Response<object> Fail(string statusCode = "", string message = "", long sizeBytes = 0, float customLatencyMs = 0) =>
        new(null, statusCode, true, sizeBytes, message, customLatencyMs);

    public static Response<T> Fail<T>(T? payload = default, string statusCode = "", string message = "", long sizeBytes = 0, float customLatencyMs = 0) =>
        new(payload, statusCode, true, sizeBytes, message, customLatencyMs);
}
