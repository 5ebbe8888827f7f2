using Harness.Client.Logging;

namespace Harness.Client.Models;

public sealed record AuthRequest
{
    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    /// <summary>Never prints the secret: records otherwise print every property.</summary>
    public override string ToString() => $"AuthRequest {{ ClientId = {ClientId}, ClientSecret = {Redactor.Mask} }}";
}
