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
        Payload = new ResponsePayload<T>(payload);
        StatusCode = statusCode;
        IsError = isError;
        SizeBytes = sizeBytes;
        Message = message;
        LatencyMs = latencyMs;
    }

    /// <summary>The payload, as NBomber's option: <c>step1.Payload.Value</c>, <c>Payload.IsSome</c>.</summary>
    public ResponsePayload<T> Payload { get; }

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

/// <summary>A response's payload, read as NBomber's F# option is from C#: <c>.Value</c> (throws when there is none), <c>.IsSome</c>.</summary>
public readonly struct ResponsePayload<T> : IEquatable<ResponsePayload<T>>
{
    private readonly T? _value;

    internal ResponsePayload(T? value) => _value = value;

    public bool IsSome => _value is not null;

    public bool IsNone => _value is null;

    public T Value => _value ?? throw new InvalidOperationException($"the response has no payload of type {typeof(T).Name}");

    public static bool operator ==(ResponsePayload<T> left, ResponsePayload<T> right) => left.Equals(right);

    public static bool operator !=(ResponsePayload<T> left, ResponsePayload<T> right) => !left.Equals(right);

    public bool Equals(ResponsePayload<T> other) => EqualityComparer<T?>.Default.Equals(_value, other._value);

    public override bool Equals(object? obj) => obj is ResponsePayload<T> other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : EqualityComparer<T>.Default.GetHashCode(_value);

    public override string ToString() => _value?.ToString() ?? "None";
}
