using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>The spec's <c>platform</c> union; <c>type</c> is the discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(App), "app")]
[JsonDerivedType(typeof(Web), "web")]
public abstract record Platform;

public sealed record App : Platform
{
    public OperatingSystem? OperatingSystem { get; init; }
}

public sealed record Web : Platform
{
    public OperatingSystem? OperatingSystem { get; init; }

    public Browser? Browser { get; init; }
}
