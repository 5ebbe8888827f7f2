namespace Harness.ApiFacts;

/// <summary>
/// The sandbox's public, documented test credentials. They guard nothing real and are never a partner's secret: the
/// sandbox accepts them, the pacts carry them, the harness uses them when no real target is configured. Shell scripts
/// read the same values from <c>sandbox-credentials.env</c> beside this file (a test keeps the two equal).
/// </summary>
public static class SandboxCredentials
{
    /// <summary>The Airline API client (<c>POST /auth</c> <c>client_id</c>); its tokens cover CFAR and DG.</summary>
    public const string ClientId = "sandbox-client";

    public const string ClientSecret = "sandbox-secret";

    /// <summary>The Atlas client (<c>x-atlas-client-id</c>).</summary>
    public const string AtlasClientId = "atlas-sandbox-client";

    /// <summary>The Atlas secret (<c>x-atlas-client-secret</c>).</summary>
    public const string AtlasClientSecret = "atlas-sandbox-secret";

    /// <summary>The Atlas client's code, as incidents carry it.</summary>
    public const string AtlasClientCode = "TAC00001";

    /// <summary>The shell variables of <c>sandbox-credentials.env</c>, each with its value here.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ShellVariables { get; } =
    [
        new("SANDBOX_CLIENT_ID", ClientId),
        new("SANDBOX_CLIENT_SECRET", ClientSecret),
        new("ATLAS_SANDBOX_CLIENT_ID", AtlasClientId),
        new("ATLAS_SANDBOX_CLIENT_SECRET", AtlasClientSecret),
        new("ATLAS_SANDBOX_CLIENT_CODE", AtlasClientCode),
    ];

    /// <summary>The text <c>sandbox-credentials.env</c> must hold, byte for byte.</summary>
    public static string ShellFile() =>
        "# The sandbox's public test credentials, for shell scripts: . src/Harness.ApiFacts/sandbox-credentials.env\n" +
        "# Generated from src/Harness.ApiFacts/SandboxCredentials.cs; tests/Harness.ApiFacts.Tests fails when the two differ.\n" +
        string.Concat(ShellVariables.Select(v => $"{v.Key}={v.Value}\n"));
}
