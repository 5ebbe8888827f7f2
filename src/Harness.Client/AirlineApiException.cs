using System.Text.Json;
using Harness.Client.Models;
using Harness.Client.Serialization;

namespace Harness.Client;

/// <summary>
/// A call did not succeed: 400/422 carry the spec's <c>{errors:[{message, code?, messages?}]}</c> body;
/// 401/403/404/500 have no body; any undeclared status is reported the same way.
/// </summary>
public sealed class AirlineApiException : Exception
{
    public AirlineApiException()
        : this("The Airline API call failed.")
    {
    }

    public AirlineApiException(string message)
        : this(message, null)
    {
    }

    public AirlineApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        OperationId = string.Empty;
        Errors = [];
    }

    public AirlineApiException(string operationId, int statusCode, IReadOnlyList<Error> errors, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        OperationId = operationId;
        StatusCode = statusCode;
        Errors = errors;
    }

    public string OperationId { get; }

    public int StatusCode { get; }

    /// <summary>The parsed <c>errors</c> of a 400/422 body; empty otherwise.</summary>
    public IReadOnlyList<Error> Errors { get; }

    internal static AirlineApiException FromStatus(AirlineOperation operation, int statusCode, byte[]? body)
    {
        IReadOnlyList<Error> errors = [];
        Exception? parseFailure = null;
        if (statusCode is 400 or 422 && body is { Length: > 0 })
        {
            try
            {
                errors = AirlineJson.Deserialize<BadRequest>(body).Errors;
            }
            catch (JsonException ex)
            {
                parseFailure = ex;
            }
        }

        var meaning = statusCode switch
        {
            400 => "syntactic errors in the request",
            401 => "the client could not be authenticated",
            403 => "the client may not call this endpoint",
            404 => "the resource could not be found",
            422 => "semantic errors in the request",
            500 => "the server had an internal error",
            _ => "a status the spec does not declare for this operation",
        };
        var details = errors.Count == 0
            ? string.Empty
            : ": " + string.Join("; ", errors.Select(e => e.Code is null ? e.Message : $"{e.Code}: {e.Message}"));
        var unreadable = parseFailure is null ? string.Empty : " (error body did not match the spec's bad_request schema)";
        return new AirlineApiException(
            operation.OperationId,
            statusCode,
            errors,
            $"{operation.OperationId} ({operation.Method} {operation.PathTemplate}) answered {statusCode}, {meaning}{details}{unreadable}.",
            parseFailure);
    }
}
