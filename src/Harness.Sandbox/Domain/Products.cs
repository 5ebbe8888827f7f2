namespace Harness.Sandbox;

/// <summary>The product names a client's token can cover, as in SandboxClient.Products and the token scope.</summary>
public static class Products
{
    public const string Cfar = "cfar";
    public const string Dg = "dg";
}
