using System.Text.Json.Serialization.Metadata;

namespace Harness.Client.Serialization;

/// <summary>
/// The <see cref="AirlineJson.Options"/> contract for <typeparamref name="T"/>, resolved once per type instead of
/// looked up in the options' cache on every call.
/// </summary>
internal static class AirlineJsonTypes<T>
{
    public static readonly JsonTypeInfo<T> Info = (JsonTypeInfo<T>)AirlineJson.Options.GetTypeInfo(typeof(T));
}
