using Harness.Client.Logging;

namespace Harness.Client.Models;

public sealed record AuthResponse
{
    public required string AccessToken { get; init; }

    public required string Scope { get; init; }

    public required int ExpiresIn { get; init; }

    public required TokenType TokenType { get; init; }

    /// <summary>Never prints the token: records otherwise print every property.</summary>
    public override string ToString() =>
        $"AuthResponse {{ AccessToken = {Redactor.Mask}, Scope = {Scope}, ExpiresIn = {ExpiresIn}, TokenType = {TokenType} }}";
}
