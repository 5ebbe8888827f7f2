using System.Text.Json;
using Harness.Pact.Interop;
using Harness.Pact.Matchers;

namespace Harness.Pact.Consumer;

/// <summary>Writes headers and bodies of one part (request or response) of one interaction into the engine.</summary>
internal sealed class InteractionPartWriter(InteractionHandleValue interaction, InteractionPart part, string description, JsonSerializerOptions defaults)
{
    private const string ContentType = "Content-Type";

    // The mock server lower-cases header names on the wire, and the engine keys headers by their exact spelling: two
    // spellings of one header would become two headers in the pact. Every value of a header therefore goes under the
    // first spelling seen, and Content-Type under its canonical one, so a body's own Content-Type never duplicates it.
    private readonly Dictionary<string, (string Spelling, int Values)> _headers = new(StringComparer.OrdinalIgnoreCase);

    internal JsonSerializerOptions Defaults => defaults;

    internal void Header(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        var spelling = _headers.TryGetValue(name, out var seen)
            ? seen.Spelling
            : string.Equals(name, ContentType, StringComparison.OrdinalIgnoreCase) ? ContentType : name;
        Check(NativeMethods.WithHeader(interaction, part, spelling, (nuint)seen.Values, value), $"header '{name}'");
        _headers[spelling] = (spelling, seen.Values + 1);
    }

    internal void Header(string name, IMatcher value) => Header(name, MatcherConverter.ToJson(value, defaults));

    internal void JsonBody(object body, JsonSerializerOptions options, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        Check(NativeMethods.WithBody(interaction, part, contentType, JsonSerializer.Serialize(body, body.GetType(), options)), $"{contentType} body");
    }

    internal void Body(string body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        Check(NativeMethods.WithBody(interaction, part, contentType, body), $"{contentType} body");
    }

    internal void Body(byte[] body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        if (body.Length == 0)
        {
            throw new ArgumentException("A binary body needs at least one byte (its content type is detected from them).", nameof(body));
        }

        Check(NativeMethods.WithBinaryFile(interaction, part, contentType, body, (nuint)body.Length), $"{contentType} body");
    }

    private void Check(bool accepted, string what)
    {
        if (!accepted)
        {
            throw new PactException(
                $"The Pact engine refused the {part.ToString().ToLowerInvariant()} {what} of interaction '{description}' " +
                "(its pact is already running a mock server or was freed).");
        }
    }
}
