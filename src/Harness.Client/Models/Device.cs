using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "The end-user's device"</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Desktop), "desktop")]
[JsonDerivedType(typeof(Mobile), "mobile")]
[JsonDerivedType(typeof(Tablet), "tablet")]
public abstract record Device;

public sealed record Desktop : Device
{
    public required string Id { get; init; }

    public Platform? Platform { get; init; }

    public string? UiTheme { get; init; }

    public string? ReleaseBuild { get; init; }
}

public sealed record Mobile : Device
{
    public required string Id { get; init; }

    public Platform? Platform { get; init; }

    public string? UiTheme { get; init; }

    public string? ReleaseBuild { get; init; }
}

public sealed record Tablet : Device
{
    public required string Id { get; init; }

    public Platform? Platform { get; init; }

    public string? UiTheme { get; init; }

    public string? ReleaseBuild { get; init; }
}
