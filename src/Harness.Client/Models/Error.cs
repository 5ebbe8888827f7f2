namespace Harness.Client.Models;

public sealed record Error
{
    public required string Message { get; init; }

    public string? Code { get; init; }

    public IReadOnlyDictionary<string, string>? Messages { get; init; }
}
