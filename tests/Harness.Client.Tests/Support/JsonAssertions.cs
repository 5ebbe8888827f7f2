using FluentAssertions.Primitives;

namespace Harness.Client.Tests.Support;

public static class JsonAssertions
{
    /// <summary>Asserts two JSON trees are equal ignoring property order, showing both on failure.</summary>
    public static void BeEquivalentJsonTo(this ObjectAssertions assertions, JsonNode expected)
    {
        var actual = (JsonNode?)assertions.Subject;
        JsonNode.DeepEquals(actual, expected).Should().BeTrue(
            $"JSON should round-trip unchanged.\nexpected: {expected.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
    }
}
