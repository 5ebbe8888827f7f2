using Harness.Client.Logging;

namespace Harness.Client.Models;

// The properties come from the spec (Models.g.cs); this part keeps the secret out of the record's printout.
public sealed partial record AuthRequest
{
    /// <summary>Never prints the secret: records otherwise print every property.</summary>
    public override string ToString() => $"AuthRequest {{ ClientId = {ClientId}, ClientSecret = {Redactor.Mask} }}";
}
