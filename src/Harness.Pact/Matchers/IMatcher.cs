using System.Text.Json.Serialization;

namespace Harness.Pact.Matchers;

/// <summary>
/// A Pact matching rule with its example value, as PactNet's <c>IMatcher</c>. Anywhere one appears (body, header, query,
/// path, message) it travels to the engine as the pact "integration JSON": <c>{"pact:matcher:type": ..., "value": ...}</c>.
/// Build one with <see cref="Match"/>.
/// </summary>
[JsonConverter(typeof(MatcherConverter))]
public interface IMatcher
{
    /// <summary>The matcher kind as the pact file names it (type, regex, integer, ...).</summary>
    string Type { get; }

    /// <summary>The example value the mock server answers with and the pact file records.</summary>
    dynamic? Value { get; }
}
