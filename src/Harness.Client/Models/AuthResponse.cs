using Harness.Client.Logging;

namespace Harness.Client.Models;

// The properties come from the spec (Models.g.cs); this part keeps the token out of the record's printout.
public sealed partial record AuthResponse
{
    /// <summary>Never prints the token: records otherwise print every property.</summary>
    public override string ToString() =>
        $"AuthResponse {{ AccessToken = {Redactor.Mask}, Scope = {Scope}, ExpiresIn = {ExpiresIn}, TokenType = {TokenType} }}";
}
