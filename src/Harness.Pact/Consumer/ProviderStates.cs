using System.Text.Json;
using Harness.Pact.Interop;

namespace Harness.Pact.Consumer;

/// <summary>Adds provider states to any V4 interaction (HTTP or message).</summary>
internal static class ProviderStates
{
    internal static void Add(InteractionHandleValue interaction, string description, string providerState)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerState);
        if (!NativeMethods.Given(interaction, providerState))
        {
            throw new PactException($"The Pact engine refused provider state '{providerState}' on interaction '{description}'.");
        }
    }

    /// <summary>
    /// PactNet's string parameters: a value that is valid JSON is recorded as that JSON (as pactffi_given_with_param
    /// reads it: "1" becomes the number 1), anything else as a string.
    /// </summary>
    internal static void Add(InteractionHandleValue interaction, string description, string providerState, IDictionary<string, string> parameters, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Add(interaction, description, providerState, parameters.ToDictionary(pair => pair.Key, pair => AsJson(pair.Value)), options);
    }

    /// <summary>Typed parameters, each recorded with its own JSON type ("123" stays a string).</summary>
    internal static void Add(InteractionHandleValue interaction, string description, string providerState, IDictionary<string, object> parameters, JsonSerializerOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerState);
        ArgumentNullException.ThrowIfNull(parameters);

        // All parameters go in one JSON object, typed as given. Parameter names are kept as written (no naming policy).
        var json = JsonSerializer.Serialize(
            parameters.ToDictionary(pair => pair.Key, pair => (object?)pair.Value),
            new JsonSerializerOptions(options) { DictionaryKeyPolicy = null });
        var result = NativeMethods.GivenWithParams(interaction, providerState, json);
        if (result != 0)
        {
            throw new PactException(result switch
            {
                1 => $"The Pact engine refused provider state '{providerState}' on interaction '{description}' (the pact can no longer be modified).",
                2 => $"The parameters of provider state '{providerState}' are not a JSON object: {json}",
                _ => $"The provider state '{providerState}' of interaction '{description}' was rejected (pact_ffi error {result}).",
            });
        }
    }

    private static object AsJson(string? value)
    {
        if (value is null)
        {
            return JsonSerializer.SerializeToElement<string?>(null);
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return value;
        }
    }
}
