namespace Harness.Client.ModelGen;

/// <summary>
/// What the spec cannot say by itself, in one small table. Everything else comes from the spec: type and member names
/// are the PascalCase of its snake_case names (<c>cfar_offer</c> → <c>CfarOffer</c>, <c>i_os</c> → <c>IOs</c>), and
/// amounts are the strings it gives a <c>minimum</c>.
/// </summary>
internal static class NameOverrides
{
    /// <summary>
    /// Schema name → C# type name, for a schema whose PascalCase would not do (a clash with a C# keyword or a
    /// hand-written type). None is needed today.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> TypeNames = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Amount strings (<c>schema.property</c>) that the spec gives no <c>minimum</c>, though their descriptions and
    /// examples ("123.20", "99.0", "0.75") are decimal amounts like the rest; they get the same decimal view.
    /// </summary>
    public static readonly IReadOnlySet<string> UnboundedAmounts = new HashSet<string>(StringComparer.Ordinal)
    {
        "cfar_contract_exercise.ftc_refund_allowance",
        "create_cfar_contract_exercise_request.airline_refund_penalty",
        "update_cfar_contract_request.exchange_rate",
    };
}
