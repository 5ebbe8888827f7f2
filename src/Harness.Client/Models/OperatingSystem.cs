using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>The spec's <c>operating_system</c> union; <c>type</c> is the discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Android), "android")]
[JsonDerivedType(typeof(ChromeOs), "chrome_os")]
[JsonDerivedType(typeof(IOs), "i_os")]
[JsonDerivedType(typeof(Linux), "linux")]
[JsonDerivedType(typeof(MacOs), "mac_os")]
[JsonDerivedType(typeof(OtherOs), "other_os")]
[JsonDerivedType(typeof(Windows), "windows")]
public abstract record OperatingSystem;

public sealed record Android : OperatingSystem
{
    public string? Version { get; init; }
}

public sealed record ChromeOs : OperatingSystem
{
    public string? Version { get; init; }
}

public sealed record IOs : OperatingSystem
{
    public string? Version { get; init; }
}

public sealed record Linux : OperatingSystem
{
    public string? Version { get; init; }
}

public sealed record MacOs : OperatingSystem
{
    public string? Version { get; init; }
}

public sealed record OtherOs : OperatingSystem
{
    public required string Name { get; init; }

    public string? Version { get; init; }
}

public sealed record Windows : OperatingSystem
{
    public string? Version { get; init; }
}
