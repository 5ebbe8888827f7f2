using System.Runtime.InteropServices;

namespace Harness.Pact.Interop;

/// <summary>
/// The pact_ffi 0.5.8 C API, one declaration per exported function this binding uses.
/// Strings returned as <see cref="IntPtr"/> are either owned by the library (mismatches, mock server logs) or must be
/// released with <see cref="StringDelete"/>; <see cref="NativeString"/> says which at each call site.
/// </summary>
internal static partial class NativeMethods
{
    private const string Library = NativeLibraryResolver.LibraryName;

    [LibraryImport(Library, EntryPoint = "pactffi_version")]
    internal static partial IntPtr Version();

    [LibraryImport(Library, EntryPoint = "pactffi_string_delete")]
    internal static partial void StringDelete(IntPtr value);

    [LibraryImport(Library, EntryPoint = "pactffi_log_to_buffer")]
    internal static partial int LogToBuffer(LevelFilter levelFilter);

    // ---- consumer: pact and interaction handles (mock_server::handles) ----

    [LibraryImport(Library, EntryPoint = "pactffi_new_pact", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial PactHandleValue NewPact(string consumerName, string providerName);

    [LibraryImport(Library, EntryPoint = "pactffi_with_specification")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithSpecification(PactHandleValue pact, PactSpecification version);

    [LibraryImport(Library, EntryPoint = "pactffi_free_pact_handle")]
    internal static partial uint FreePactHandle(PactHandleValue pact);

    [LibraryImport(Library, EntryPoint = "pactffi_new_interaction", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial InteractionHandleValue NewInteraction(PactHandleValue pact, string description);

    [LibraryImport(Library, EntryPoint = "pactffi_upon_receiving", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool UponReceiving(InteractionHandleValue interaction, string description);

    [LibraryImport(Library, EntryPoint = "pactffi_given", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool Given(InteractionHandleValue interaction, string description);

    /// <returns>0 ok, 1 interaction can't be modified, 2 params not JSON, 3 invalid C string.</returns>
    [LibraryImport(Library, EntryPoint = "pactffi_given_with_params", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GivenWithParams(InteractionHandleValue interaction, string description, string paramsJson);

    [LibraryImport(Library, EntryPoint = "pactffi_with_request", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithRequest(InteractionHandleValue interaction, string method, string path);

    [LibraryImport(Library, EntryPoint = "pactffi_with_query_parameter_v2", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithQueryParameter(InteractionHandleValue interaction, string name, nuint index, string value);

    [LibraryImport(Library, EntryPoint = "pactffi_with_header_v2", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithHeader(InteractionHandleValue interaction, InteractionPart part, string name, nuint index, string value);

    [LibraryImport(Library, EntryPoint = "pactffi_with_body", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithBody(InteractionHandleValue interaction, InteractionPart part, string contentType, string body);

    [LibraryImport(Library, EntryPoint = "pactffi_with_binary_file", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithBinaryFile(InteractionHandleValue interaction, InteractionPart part, string contentType, byte[] body, nuint size);

    [LibraryImport(Library, EntryPoint = "pactffi_response_status")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool ResponseStatus(InteractionHandleValue interaction, ushort status);

    // ---- consumer: mock server ----

    /// <returns>The port, or a negative error: -1 bad handle, -3 could not start, -4 panic, -5 bad address.</returns>
    [LibraryImport(Library, EntryPoint = "pactffi_create_mock_server_for_transport", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int CreateMockServerForTransport(PactHandleValue pact, string address, ushort port, string transport, string? transportConfig);

    [LibraryImport(Library, EntryPoint = "pactffi_mock_server_matched")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool MockServerMatched(int mockServerPort);

    /// <summary>Owned by the library until <see cref="CleanupMockServer"/>: never free it.</summary>
    [LibraryImport(Library, EntryPoint = "pactffi_mock_server_mismatches")]
    internal static partial IntPtr MockServerMismatches(int mockServerPort);

    /// <summary>Owned by the library until <see cref="CleanupMockServer"/>: never free it.</summary>
    [LibraryImport(Library, EntryPoint = "pactffi_mock_server_logs")]
    internal static partial IntPtr MockServerLogs(int mockServerPort);

    [LibraryImport(Library, EntryPoint = "pactffi_cleanup_mock_server")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool CleanupMockServer(int mockServerPort);

    /// <returns>0 ok, 1 panic, 2 file could not be written, 3 no pact for the handle.</returns>
    [LibraryImport(Library, EntryPoint = "pactffi_pact_handle_write_file", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int PactHandleWriteFile(PactHandleValue pact, string directory, [MarshalAs(UnmanagedType.U1)] bool overwrite);

    // ---- consumer: V4 asynchronous messages ----

    [LibraryImport(Library, EntryPoint = "pactffi_new_message_interaction", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial InteractionHandleValue NewMessageInteraction(PactHandleValue pact, string description);

    [LibraryImport(Library, EntryPoint = "pactffi_message_expects_to_receive", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void MessageExpectsToReceive(InteractionHandleValue message, string description);

    [LibraryImport(Library, EntryPoint = "pactffi_message_given", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void MessageGiven(InteractionHandleValue message, string description);

    [LibraryImport(Library, EntryPoint = "pactffi_message_with_contents", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void MessageWithContents(InteractionHandleValue message, string contentType, byte[] body, nuint size);

    [LibraryImport(Library, EntryPoint = "pactffi_message_with_metadata_v2", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void MessageWithMetadata(InteractionHandleValue message, string key, string value);

    /// <summary>Must be freed with <see cref="StringDelete"/>.</summary>
    [LibraryImport(Library, EntryPoint = "pactffi_message_reify")]
    internal static partial IntPtr MessageReify(InteractionHandleValue message);

    // ---- provider: verifier ----

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_new_for_application", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr VerifierNewForApplication(string name, string version);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_shutdown")]
    internal static partial void VerifierShutdown(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_provider_info", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierSetProviderInfo(VerifierHandle handle, string name, string scheme, string host, ushort port, string path);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_filter_info", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierSetFilterInfo(VerifierHandle handle, string? description, string? state, byte noState);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_provider_state", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierSetProviderState(VerifierHandle handle, string url, byte teardown, byte body);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_verification_options")]
    internal static partial int VerifierSetVerificationOptions(VerifierHandle handle, byte disableSslVerification, ulong requestTimeoutMs);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_coloured_output")]
    internal static partial int VerifierSetColouredOutput(VerifierHandle handle, byte coloured);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_publish_options", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int VerifierSetPublishOptions(VerifierHandle handle, string providerVersion, string? buildUrl, string[]? providerTags, ushort providerTagsLength, string? providerBranch);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_add_file_source", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierAddFileSource(VerifierHandle handle, string file);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_add_directory_source", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierAddDirectorySource(VerifierHandle handle, string directory);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_broker_source_with_selectors", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierBrokerSourceWithSelectors(
        VerifierHandle handle,
        string url,
        string? username,
        string? password,
        string? token,
        byte enablePending,
        string? includeWipPactsSince,
        string[]? providerTags,
        ushort providerTagsLength,
        string? providerBranch,
        string[]? consumerVersionSelectors,
        ushort consumerVersionSelectorsLength,
        string[]? consumerVersionTags,
        ushort consumerVersionTagsLength);

    /// <returns>0 verified, 1 verification failed, 2 the verifier could not run.</returns>
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_execute")]
    internal static partial int VerifierExecute(VerifierHandle handle);

    /// <summary>Must be freed with <see cref="StringDelete"/>.</summary>
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_output")]
    internal static partial IntPtr VerifierOutput(VerifierHandle handle, byte stripAnsi);

    /// <summary>Must be freed with <see cref="StringDelete"/>.</summary>
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_json")]
    internal static partial IntPtr VerifierJson(VerifierHandle handle);

    // ---- added for PactNet 5's surface: pact metadata, URI sources, consumer filters, custom headers, message transport ----

    [LibraryImport(Library, EntryPoint = "pactffi_with_pact_metadata", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithPactMetadata(PactHandleValue pact, string @namespace, string name, string value);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_url_source", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierUrlSource(VerifierHandle handle, string url, string? username, string? password, string? token);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_set_consumer_filters", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierSetConsumerFilters(VerifierHandle handle, string[] consumerFilters, ushort consumerFiltersLength);

    [LibraryImport(Library, EntryPoint = "pactffi_verifier_add_custom_header", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierAddCustomHeader(VerifierHandle handle, string headerName, string headerValue);

    /// <summary>Another transport of the provider, e.g. "message" for asynchronous messages served over HTTP.</summary>
    [LibraryImport(Library, EntryPoint = "pactffi_verifier_add_provider_transport", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void VerifierAddProviderTransport(VerifierHandle handle, string protocol, ushort port, string path, string scheme);
}
