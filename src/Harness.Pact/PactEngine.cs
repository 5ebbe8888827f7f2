using Harness.Pact.Interop;

namespace Harness.Pact;

/// <summary>
/// Process-wide settings of the Pact engine (libpact_ffi) that PactNet has no member for.
/// </summary>
public static class PactEngine
{
    private const string CertificateBegin = "-----BEGIN CERTIFICATE-----";

    /// <summary>
    /// Makes the engine's HTTP clients trust only the certificates in <paramref name="pemFile"/> and in the folder that
    /// holds it, instead of the system's trust store.
    /// <para>
    /// Why: the engine's verifier builds a new HTTP client for every interaction it verifies (and every provider-state
    /// call), and loads the trust store into each one: on Linux every file of <c>/etc/ssl/certs</c>, about 300, read and
    /// parsed per request. For a verification against a plain-HTTP provider on this machine that is most of its CPU time.
    /// </para>
    /// <para>
    /// Only for a process that makes no TLS connection through the engine or through .NET: an https:// provider, pact
    /// URL or broker then fails its handshake. It sets <c>SSL_CERT_FILE</c> and <c>SSL_CERT_DIR</c> in the C library's
    /// environment (which the engine and OpenSSL read), not in .NET's copy of it, so on Linux and macOS the child
    /// processes this process starts keep the real trust store. On Windows the process environment is one, and its
    /// children inherit the setting.
    /// </para>
    /// </summary>
    /// <param name="pemFile">A PEM file with at least one certificate (any: it need not be a real authority).</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file holds no PEM certificate.</exception>
    public static void UseTrustStore(string pemFile)
    {
        foreach (var (name, value) in TrustStoreVariables(pemFile))
        {
            NativeEnvironment.Set(name, value);
        }
    }

    /// <summary>
    /// The environment variables that make a child process's engine (the official pact CLI's verifier, say) trust only
    /// <paramref name="pemFile"/>, as <see cref="UseTrustStore"/> does in this process: <c>SSL_CERT_FILE</c> and
    /// <c>SSL_CERT_DIR</c>. The same limits apply: the child must make no TLS connection.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file holds no PEM certificate.</exception>
    public static IReadOnlyDictionary<string, string> TrustStoreVariables(string pemFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(pemFile);
        var path = Path.GetFullPath(pemFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no trust store file {path}.", path);
        }

        // The engine refuses to build a client from a store with no valid certificate ("builder error" on every request).
        if (!File.ReadAllText(path).Contains(CertificateBegin, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"trust store {path} holds no PEM certificate ({CertificateBegin}); the engine needs at least one.");
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SSL_CERT_FILE"] = path,
            ["SSL_CERT_DIR"] = Path.GetDirectoryName(path)!,
        };
    }
}
