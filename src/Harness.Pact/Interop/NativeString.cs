using System.Runtime.InteropServices;

namespace Harness.Pact.Interop;

/// <summary>Reads C strings returned by pact_ffi, freeing the ones the caller owns.</summary>
internal static class NativeString
{
    /// <summary>Copies a string the library allocated for the caller, then frees it with pactffi_string_delete.</summary>
    internal static string? TakeOwned(IntPtr value)
    {
        if (value == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(value);
        }
        finally
        {
            NativeMethods.StringDelete(value);
        }
    }

    /// <summary>Copies a string the library keeps ownership of (mismatches, mock server logs); never frees it.</summary>
    internal static string? CopyBorrowed(IntPtr value) =>
        value == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(value);
}
