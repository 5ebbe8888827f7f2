using Harness.Pact.Interop;

namespace Harness.Pact.Consumer;

/// <summary>
/// Writes pact handles into pact files. With overwrite=false the engine reads the existing file and merges the new
/// interactions into it (same description and provider states: replaced; others: kept). The read-merge-write is not
/// atomic across threads, and xunit runs test classes in parallel, so every write in the process goes through one lock.
/// </summary>
internal static class PactFileWriter
{
    private static readonly Lock Gate = new();

    internal static void Write(NativePact pact, PactIdentity identity)
    {
        var directory = Path.GetFullPath(identity.PactDir);
        lock (Gate)
        {
            Directory.CreateDirectory(directory);
            var result = NativeMethods.PactHandleWriteFile(pact.Value, directory, overwrite: false);
            if (result != 0)
            {
                throw new PactException(result switch
                {
                    1 => $"The Pact engine panicked writing the pact {identity.Consumer} -> {identity.Provider} to {directory}.",
                    2 => $"The pact file for {identity.Consumer} -> {identity.Provider} could not be written to {directory} " +
                         "(not writable, or an existing file there is not a compatible pact).",
                    3 => $"The Pact engine has no pact for the handle of {identity.Consumer} -> {identity.Provider}.",
                    _ => $"Writing the pact {identity.Consumer} -> {identity.Provider} failed (pact_ffi error {result}).",
                });
            }
        }
    }
}
