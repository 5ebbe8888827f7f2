namespace Harness.Sandbox.Domain;

/// <summary>
/// Contract status transitions. The spec defines none; these follow the guide's inferred rules (§6.1, §6.3, §10):
/// created → confirmed | voided | canceled, confirmed → canceled | charged_back, and for DG only
/// created → queued, queued → confirmed | failed. Everything else (including to the same status) answers 422.
/// </summary>
internal static class Transitions
{
    public static readonly IReadOnlyList<string> CfarStatuses = ["created", "confirmed", "charged_back", "voided", "canceled"];

    public static readonly IReadOnlyList<string> DgStatuses = ["created", "confirmed", "charged_back", "voided", "canceled", "queued", "failed"];

    private static readonly Dictionary<string, string[]> Cfar = new(StringComparer.Ordinal)
    {
        ["created"] = ["confirmed", "voided", "canceled"],
        ["confirmed"] = ["canceled", "charged_back"],
    };

    private static readonly Dictionary<string, string[]> Dg = new(StringComparer.Ordinal)
    {
        ["created"] = ["confirmed", "voided", "canceled", "queued"],
        ["queued"] = ["confirmed", "failed"],
        ["confirmed"] = ["canceled", "charged_back"],
    };

    public static bool IsAllowed(string product, string from, string to)
    {
        var table = product == Products.Cfar ? Cfar : Dg;
        return table.TryGetValue(from, out var targets) && targets.Contains(to, StringComparer.Ordinal);
    }

    /// <summary>Statuses in which a contract can still be amended (forms of payment, itinerary slices, payment).</summary>
    public static bool IsOpen(string status) => status is "created" or "confirmed" or "queued";
}
