namespace Harness.Client.Models;

public sealed record DgContents
{
    public required IReadOnlyList<string> BulletPoints { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }
}
