using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Harness.Sandbox.Api;

/// <summary>One validated request as a handler sees it.</summary>
internal sealed record OperationRequest(HttpContext Http, JsonNode? Body, string? Id, bool NotPerformed, DateTimeOffset Now)
{
    public JsonObject Object => (JsonObject)Body!;

    public string? Header(string name) =>
        Http.Request.Headers.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString() : null;
}

/// <summary>What a handler answers: JSON, a PDF, or an empty status.</summary>
internal sealed record ApiResult(int Status, JsonNode? Json = null, byte[]? Pdf = null, string? FileName = null, string? HtsSessionId = null)
{
    public static ApiResult NoContent { get; } = new(StatusCodes.Status204NoContent);
}
