namespace Harness.Pact.Verifier;

/// <summary>How the verifier calls the provider-state URL: PactNet's <c>IProviderStateOptions</c>.</summary>
public interface IProviderStateOptions
{
    /// <summary>Also call the URL after each interaction, with <c>"action": "teardown"</c>.</summary>
    IProviderStateOptions WithTeardown();

    /// <summary>Pass the state in a JSON body (default) or in the query string.</summary>
    IProviderStateOptions WithStyle(ProviderStateStyle style);
}

/// <summary>How provider-state information is passed: PactNet's <c>ProviderStateStyle</c>.</summary>
public enum ProviderStateStyle
{
    /// <summary>A JSON body <c>{"state", "params", "action"}</c> (default).</summary>
    Body,

    /// <summary>Query string parameters.</summary>
    Query,
}

internal sealed class ProviderStateOptions : IProviderStateOptions
{
    internal bool Teardown { get; private set; }

    internal ProviderStateStyle Style { get; private set; } = ProviderStateStyle.Body;

    public IProviderStateOptions WithTeardown()
    {
        Teardown = true;
        return this;
    }

    public IProviderStateOptions WithStyle(ProviderStateStyle style)
    {
        if (!Enum.IsDefined(style))
        {
            throw new ArgumentOutOfRangeException(nameof(style), style, "The provider state style must be Body or Query.");
        }

        Style = style;
        return this;
    }
}
