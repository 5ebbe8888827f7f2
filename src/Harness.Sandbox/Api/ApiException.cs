using System.Text.Json.Nodes;
using Harness.Spec;

namespace Harness.Sandbox.Api;

/// <summary>One entry of the spec's error body: <c>{message, code, messages}</c>, naming the field at fault.</summary>
internal sealed record ApiError(string Field, string Code, string Message)
{
    public JsonObject ToJson() => new()
    {
        ["message"] = Message,
        ["code"] = Code,
        ["messages"] = new JsonObject { ["field"] = Field },
    };
}

/// <summary>Ends a request with an error status; 400 and 422 carry the spec's bad_request/unprocessable_entity body.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int status, IReadOnlyList<ApiError> errors)
        : base(errors.Count > 0 ? errors[0].Message : $"HTTP {status}")
    {
        Status = status;
        Errors = errors;
    }

    public ApiException(int status)
        : this(status, [])
    {
    }

    public ApiException()
        : this(500)
    {
    }

    public ApiException(string message)
        : this(500, [new ApiError("body", "internal", message)])
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Errors = [];
    }

    public int Status { get; }

    public IReadOnlyList<ApiError> Errors { get; }

    public static ApiException Unprocessable(string field, string code, string message) => new(422, [new ApiError(field, code, message)]);

    public static ApiException BadRequest(string field, string code, string message) => new(400, [new ApiError(field, code, message)]);

    public static ApiException NotFound() => new(404);

    public static ApiException FromIssues(IReadOnlyList<ValidationIssue> issues)
    {
        var syntax = issues.Any(i => i.IsSyntax);
        var chosen = syntax ? issues.Where(i => i.IsSyntax) : issues;
        return new ApiException(syntax ? 400 : 422, chosen.Select(i => new ApiError(i.Field, i.Code, i.Message)).ToList());
    }

    public static JsonObject Body(IEnumerable<ApiError> errors) => new()
    {
        ["errors"] = new JsonArray(errors.Select(e => (JsonNode)e.ToJson()).ToArray()),
    };
}
