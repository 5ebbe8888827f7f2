namespace Harness.Client.Models;

public sealed record UnprocessableEntity
{
    public required IReadOnlyList<Error> Errors { get; init; }
}
