using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Harness.Sandbox.Api;

/// <summary>One validated request as a handler sees it.</summary>
internal sealed record OperationRequest(HttpContext Http, JsonNode? Body, string? Id, bool NotPerformed, DateTimeOffset Now)
{
    public const string SessionHeader = "HC-Session-ID";

    private JsonElement? _root;

    public JsonObject Object => (JsonObject)Body!;

    /// <summary>
    /// The body as a JSON element. Over HTTP it is the validated request document itself, so hot paths (offers) read it
    /// without building a node tree; requests built in code (provider states) get an element of their <see cref="Body"/>.
    /// </summary>
    public JsonElement Root
    {
        get => _root ??= Body is null ? default : JsonSerializer.SerializeToElement(Body);
        init => _root = value;
    }

    /// <summary>The HC-Session-ID header, or null.</summary>
    public string? SessionId => Header(SessionHeader);

    public string? Header(string name) =>
        Http.Request.Headers.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString() : null;
}

/// <summary>What a handler answers: JSON, a PDF, or an empty status.</summary>
internal sealed record ApiResult(int Status, JsonNode? Json = null, byte[]? Pdf = null, string? FileName = null, string? HtsSessionId = null, ReadOnlyMemory<byte>? RawJson = null)
{
    /// <summary>Already-serialized JSON, written as is (the hot offer path).</summary>
    public static ApiResult Raw(int status, ReadOnlyMemory<byte> json, string? htsSessionId = null) => new(status, HtsSessionId: htsSessionId, RawJson: json);

    public static byte[] Utf8(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static ApiResult NoContent { get; } = new(StatusCodes.Status204NoContent);
}
