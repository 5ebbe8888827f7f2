using System.Globalization;

namespace Harness.Verification.Tests.CrossCheck;

/// <summary>
/// Every request and response body of the committed Airline pacts, checked against its operation's schema by both
/// validators (SchemaValidator and JsonSchema.Net over the translated spec) at both strictness levels: they must agree.
/// Error interactions send bad requests on purpose; there both must reject, and still agree.
/// </summary>
public sealed class PactBodyCrossValidatorTests
{
    [Fact]
    public void PactBodies_EveryRequestAndResponse_BothValidatorsAgree()
    {
        var api = OpenApiSpecReader.Read(RepoPaths.AirlineSpec, CoverageSources.AirlineProvider);
        var bodies = new List<(string Where, JsonNode? Body, JsonObject Schema)>();
        foreach (var pact in RepoPacts.For(CoverageSources.AirlineProvider))
        {
            foreach (var interaction in pact.Interactions)
            {
                var found = api.FindOperation(interaction.Request.Method, interaction.Request.Path)
                    ?? throw new InvalidOperationException($"{interaction.DisplayName} in {pact.Path}: no operation has {interaction.Request.Method} {interaction.Request.Path}.");
                var operation = SpecDocument.AirlineApi.Operation(found.OperationId);
                var where = $"{Path.GetFileName(pact.Path)}: {interaction.DisplayName}";
                if (interaction.Request.Body is { } request && JsonSchemaOf(operation["requestBody"], interaction.Request.ContentType) is { } requestSchema)
                {
                    bodies.Add(($"{where} (request)", request, requestSchema));
                }

                var status = interaction.Response.Status.ToString(CultureInfo.InvariantCulture);
                if (interaction.Response.Body is { } response && JsonSchemaOf(operation["responses"]?[status], interaction.Response.ContentType) is { } responseSchema)
                {
                    bodies.Add(($"{where} ({status} response)", response, responseSchema));
                }
            }
        }

        var disagreements = CrossValidator.AirlineApi
            .SelectMany(cross => bodies.Select(b => cross.Compare(b.Where, b.Body, b.Schema)))
            .OfType<string>()
            .ToList();

        bodies.Should().HaveCountGreaterThan(50, "the Airline pacts pin request and response bodies for every operation");
        disagreements.Should().BeEmpty();
    }

    private static JsonObject? JsonSchemaOf(JsonNode? bodyOrResponse, string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        return mediaType is not null && mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            ? bodyOrResponse?["content"]?[mediaType]?["schema"] as JsonObject
            : null;
    }
}
