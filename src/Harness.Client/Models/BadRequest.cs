namespace Harness.Client.Models;

public sealed record BadRequest
{
    public required IReadOnlyList<Error> Errors { get; init; }
}
