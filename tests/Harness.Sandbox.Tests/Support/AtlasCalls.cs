using Harness.Sandbox.Atlas;

namespace Harness.Sandbox.Tests.Support;

/// <summary>Calls to the Atlas API the sandbox serves under /atlas, with its default client's credentials.</summary>
public static class AtlasCalls
{
    private static readonly Dictionary<string, string> Credentials = new()
    {
        ["x-atlas-client-id"] = AtlasSandboxOptions.DefaultClientId,
        ["x-atlas-client-secret"] = AtlasSandboxOptions.DefaultClientSecret,
    };

    /// <summary>POST /atlas/event/getPageList.do with <paramref name="body"/> (default: the first page of 10).</summary>
    public static Task<Reply> PageListAsync(this ApiClient api, JsonObject? body = null) =>
        api.SendAsync(HttpMethod.Post, "/atlas/event/getPageList.do", body ?? new JsonObject { ["pageSize"] = 10 }, token: null, headers: Credentials);
}
