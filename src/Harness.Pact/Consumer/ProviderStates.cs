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

    internal static void Add<TValue>(InteractionHandleValue interaction, string description, string providerState, IDictionary<string, TValue> parameters, JsonSerializerOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerState);
        ArgumentNullException.ThrowIfNull(parameters);

        // All parameters go in one JSON object: pactffi_given_with_param would re-parse each value as JSON and turn
        // the string "123" into a number. Parameter names are kept as written (no naming policy).
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
}
