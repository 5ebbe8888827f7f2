using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>The spec's <c>browser</c> union; <c>type</c> is the discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Chrome), "chrome")]
[JsonDerivedType(typeof(Edge), "edge")]
[JsonDerivedType(typeof(Firefox), "firefox")]
[JsonDerivedType(typeof(InternetExplorer), "internet_explorer")]
[JsonDerivedType(typeof(Opera), "opera")]
[JsonDerivedType(typeof(OtherBrowser), "other_browser")]
[JsonDerivedType(typeof(Safari), "safari")]
public abstract record Browser;

public sealed record Chrome : Browser
{
    public string? Version { get; init; }
}

public sealed record Edge : Browser
{
    public string? Version { get; init; }
}

public sealed record Firefox : Browser
{
    public string? Version { get; init; }
}

public sealed record InternetExplorer : Browser
{
    public string? Version { get; init; }
}

public sealed record Opera : Browser
{
    public string? Version { get; init; }
}

public sealed record OtherBrowser : Browser
{
    public required string Name { get; init; }

    public string? Version { get; init; }
}

public sealed record Safari : Browser
{
    public string? Version { get; init; }
}
