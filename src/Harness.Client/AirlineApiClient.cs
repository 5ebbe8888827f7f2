using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Harness.Client.Logging;
using Harness.Client.Models;
using Harness.Client.Serialization;
using RestSharp;

namespace Harness.Client;

/// <summary>
/// Typed client for the HTS Ancillaries for Airlines API v1.1: one method per operation, one instance per target.
/// Thread-safe; share one instance across concurrent callers (it owns one connection pool and one cached token), or take
/// instances from <c>services.AddAirlineApiClient(configuration)</c>, which all share one pool and one token.
/// </summary>
public sealed class AirlineApiClient : IAirlineApiClient, IDisposable
{
    /// <summary>Request header carrying the airline session id.</summary>
    public const string HcSessionIdHeader = "HC-Session-ID";

    /// <summary>Response header carrying the session id; note the different name from the request header.</summary>
    public const string HtsSessionIdHeader = "HTS-Session-ID";

    /// <summary>Optional request header of the two receipt endpoints.</summary>
    public const string VerificationCodeHeader = "verification-code";

    private readonly RestTransport _transport;
    private readonly AirlineApiOptions _options;
    private readonly AccessTokenCache _tokens;
    private readonly bool _ownsTokens;
    private BearerHeader? _bearer;

    /// <summary>A client with its own connection pool (<see cref="AirlineApiOptions.MaxConnectionsPerServer"/>) and token.</summary>
    public AirlineApiClient(AirlineApiOptions options)
        : this(OwnHttpClient(options), ownsHttpClient: true, options, new AccessTokenCache(options.TimeProvider, options.TokenRefreshSkew), ownsTokens: true)
    {
    }

    /// <summary>The typed client of <c>AddAirlineApiClient</c>: the factory's pipeline, the registration's shared token.</summary>
    internal AirlineApiClient(HttpClient httpClient, AirlineApiOptions options, AccessTokenCache tokens)
        : this(httpClient, ownsHttpClient: false, options, tokens, ownsTokens: false)
    {
    }

    private AirlineApiClient(HttpClient httpClient, bool ownsHttpClient, AirlineApiOptions options, AccessTokenCache tokens, bool ownsTokens)
    {
        this._options = options;
        this._tokens = tokens;
        this._ownsTokens = ownsTokens;
        _transport = new RestTransport(httpClient, ownsHttpClient, options.BaseUrl, options.Timeout, followRedirects: false);
    }

    /// <inheritdoc />
    public async Task<ApiResponse<AuthResponse>> AuthenticateAsync(CancellationToken cancellationToken = default)
    {
        var response = await PostAuthAsync(cancellationToken);
        _tokens.Store(response.RequiredBody);
        return response;
    }

    /// <inheritdoc />
    public Task<ApiResponse<AirlineSession>> CreateSessionAsync(CreateAirlineSessionRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreateAirlineSessionRequest, AirlineSession>(AirlineOperations.PostSessions, request, null, null, cancellationToken);

    /// <inheritdoc />
    public async Task<ApiResponse> SendEventAsync(string hcSessionId, Event evt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hcSessionId);
        // postEvents declares only a 204, so no body is ever read into the placeholder type.
        return await SendJsonAsync<Event, object>(AirlineOperations.PostEvents, evt, null, hcSessionId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApiResponse<IReadOnlyList<CfarOffer>>> CreateCfarOffersAsync(CreateCfarOfferRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreateCfarOfferRequest, IReadOnlyList<CfarOffer>>(AirlineOperations.PostCfarOffers, request, null, hcSessionId, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<CfarOffer>> CreateExternalCfarOfferAsync(CreateExternalCfarOfferRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreateExternalCfarOfferRequest, CfarOffer>(AirlineOperations.PostCfarOffersExternal, request, null, hcSessionId, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<CfarContract>> CreateCfarContractAsync(CreateCfarContractRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreateCfarContractRequest, CfarContract>(AirlineOperations.PostCfarContracts, request, null, null, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<CfarContract>> GetCfarContractAsync(string contractId, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendAsync(AirlineOperations.GetCfarContractsId, contractId, null, hcSessionId, null, ReadJson<CfarContract>, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<CfarContract>> UpdateCfarContractStatusAsync(string contractId, UpdateCfarContractRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<UpdateCfarContractRequest, CfarContract>(AirlineOperations.PutCfarContractsIdUpdateStatus, request, contractId, hcSessionId, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<CfarContract>> UpdateCfarFormsOfPaymentAsync(string contractId, UpdateCfarFormOfPaymentRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<UpdateCfarFormOfPaymentRequest, CfarContract>(AirlineOperations.PutCfarContractsIdFormsOfPayment, request, contractId, hcSessionId, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<CfarPayment>> ProcessCfarPaymentAsync(string contractId, ProcessCfarPaymentRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<ProcessCfarPaymentRequest, CfarPayment>(AirlineOperations.PostCfarContractsIdPayment, request, contractId, hcSessionId, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<CfarContract>> UpdateCfarItinerarySlicesAsync(string contractId, UpdateCfarContractItinerarySlicesRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<UpdateCfarContractItinerarySlicesRequest, CfarContract>(AirlineOperations.PutCfarContractsIdItinerarySlices, request, contractId, hcSessionId, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<CfarContractExercise>> CreateCfarExerciseAsync(CreateCfarContractExerciseRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreateCfarContractExerciseRequest, CfarContractExercise>(AirlineOperations.PostCfarContractExercises, request, null, hcSessionId, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<CfarContractExercise>> MarkCfarExerciseCompletedAsync(string exerciseId, MarkCfarContractExerciseCompleteRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<MarkCfarContractExerciseCompleteRequest, CfarContractExercise>(AirlineOperations.PutCfarContractExercisesIdMarkCompleted, request, exerciseId, hcSessionId, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<PayoutReceipt>> GetCfarPayoutReceiptAsync(string? verificationCode = null, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendAsync(AirlineOperations.GetCustomerCfarPayoutReceipt, null, null, hcSessionId, verificationCode, ReadReceipt, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<IReadOnlyList<CreateDgOfferItemResponse>>> CreateDgOffersAsync(CreateDgOffersRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreateDgOffersRequest, IReadOnlyList<CreateDgOfferItemResponse>>(AirlineOperations.PostDgOffers, request, null, hcSessionId, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<DgContract>> CreateDgContractAsync(CreateDgContractRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreateDgContractRequest, DgContract>(AirlineOperations.PostDgContracts, request, null, null, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<DgContract>> GetDgContractAsync(string contractId, CancellationToken cancellationToken = default) =>
        SendAsync(AirlineOperations.GetDgContractsId, contractId, null, null, null, ReadJson<DgContract>, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<DgPayment>> ProcessDgPaymentAsync(string contractId, ProcessDgPaymentRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<ProcessDgPaymentRequest, DgPayment>(AirlineOperations.PostDgContractsIdPayment, request, contractId, null, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<DgContract>> UpdateDgContractStatusAsync(string contractId, UpdateDgContractStatusRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<UpdateDgContractStatusRequest, DgContract>(AirlineOperations.PutDgContractsIdUpdateStatus, request, contractId, null, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<DgContract>> UpdateDgItinerarySlicesAsync(string contractId, IReadOnlyList<DgItinerarySlice> slices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slices);
        if (slices.Count == 0)
        {
            throw new ArgumentException("putDg_contractsIdItinerary_slices needs at least one slice (spec: minItems 1).", nameof(slices));
        }

        return SendJsonAsync<IReadOnlyList<DgItinerarySlice>, DgContract>(AirlineOperations.PutDgContractsIdItinerarySlices, slices, contractId, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApiResponse<CreateDgContractExerciseResponse>> CreateDgExerciseAsync(CreateDgContractExerciseRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreateDgContractExerciseRequest, CreateDgContractExerciseResponse>(AirlineOperations.PostDgContractExercises, request, null, hcSessionId, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<PayoutReceipt>> GetDgPayoutReceiptAsync(string? verificationCode = null, string? hcSessionId = null, CancellationToken cancellationToken = default) =>
        SendAsync(AirlineOperations.GetCustomerDgPayoutReceipt, null, null, hcSessionId, verificationCode, ReadReceipt, cancellationToken);

    /// <inheritdoc />
    public Task<ApiResponse<GetDgExerciseSessionResponse>> GetDgExerciseSessionAsync(string exerciseId, CancellationToken cancellationToken = default) =>
        SendAsync(AirlineOperations.GetCustomerDgExercisesIdSession, exerciseId, null, null, null, ReadJson<GetDgExerciseSessionResponse>, cancellationToken);

    public void Dispose()
    {
        _transport.Dispose();
        if (_ownsTokens)
        {
            _tokens.Dispose();
        }
    }

    /// <summary>The primary handler of one target's connection pool, here and in <c>AddAirlineApiClient</c>.</summary>
    internal static SocketsHttpHandler CreateHandler(AirlineApiOptions options) => new()
    {
        MaxConnectionsPerServer = options.MaxConnectionsPerServer,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    private static HttpClient OwnHttpClient(AirlineApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new HttpClient(options.HttpMessageHandler ?? CreateHandler(options), disposeHandler: options.HttpMessageHandler is null);
    }

    private Task<ApiResponse<AuthResponse>> PostAuthAsync(CancellationToken cancellationToken) =>
        SendJsonAsync<AuthRequest, AuthResponse>(
            AirlineOperations.PostAuth,
            new AuthRequest { ClientId = _options.ClientId, ClientSecret = _options.ClientSecret },
            null,
            null,
            cancellationToken);

    private async Task<AuthResponse> FetchTokenAsync(CancellationToken cancellationToken) =>
        (await PostAuthAsync(cancellationToken)).RequiredBody;

    private Task<ApiResponse<TResponse>> SendJsonAsync<TRequest, TResponse>(
        AirlineOperation operation, TRequest body, string? id, string? hcSessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        // Straight to UTF-8: a string body would be encoded again by StringContent on every call.
        var json = JsonSerializer.SerializeToUtf8Bytes(body, AirlineJsonTypes<TRequest>.Info);
        return SendAsync(operation, id, json, hcSessionId, null, ReadJson<TResponse>, cancellationToken);
    }

    private async Task<ApiResponse<T>> SendAsync<T>(
        AirlineOperation operation,
        string? id,
        byte[]? jsonBody,
        string? hcSessionId,
        string? verificationCode,
        Func<AirlineOperation, BufferedResponse, T> readBody,
        CancellationToken cancellationToken)
    {
        var path = operation.ResolvePath(id);
        var request = RestTransport.Request(path, ToRestMethod(operation.Method), jsonBody, RestTransport.JsonUtf8);
        // The redacted copy for OnCall is only built when someone listens.
        var sentHeaders = _options.OnCall is null ? null : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? token = null;
        if (operation.RequiresToken)
        {
            token = await _tokens.GetAsync(FetchTokenAsync, cancellationToken);
            AddHeader(request, sentHeaders, "Authorization", BearerHeaderValue(token));
        }

        if (hcSessionId is not null)
        {
            AddHeader(request, sentHeaders, HcSessionIdHeader, hcSessionId);
        }

        if (verificationCode is not null)
        {
            AddHeader(request, sentHeaders, VerificationCodeHeader, verificationCode);
        }

        var started = Stopwatch.GetTimestamp();
        var response = await _transport.SendAsync(request, cancellationToken);
        var duration = Stopwatch.GetElapsedTime(started);
        var buffered = response as BufferedResponse;
        var statusCode = buffered?.Status ?? 0;
        var headers = buffered?.HeaderValues ?? BufferedResponse.NoHeaders;
        if (sentHeaders is not null)
        {
            headers.TryGetValue(HtsSessionIdHeader, out var htsSessionId);
            _options.OnCall!(new ApiCallLog(
                operation.OperationId, operation.Method, "/" + path, statusCode, duration, sentHeaders, htsSessionId));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (buffered is null)
        {
            throw TransportFailure(operation, response);
        }

        if (!IsSuccess(operation, statusCode))
        {
            if (statusCode == (int)HttpStatusCode.Unauthorized && token is not null)
            {
                _tokens.Invalidate(token);
            }

            throw AirlineApiException.FromStatus(operation, statusCode, buffered.Body);
        }

        if (statusCode == (int)HttpStatusCode.NoContent)
        {
            return new ApiResponse<T>(operation, statusCode, headers, operation.NotPerformedOn204, default);
        }

        return new ApiResponse<T>(operation, statusCode, headers, false, readBody(operation, buffered));
    }

    private static Method ToRestMethod(string method) => method switch
    {
        "GET" => Method.Get,
        "POST" => Method.Post,
        "PUT" => Method.Put,
        _ => Enum.Parse<Method>(method, ignoreCase: true),
    };

    private static bool IsSuccess(AirlineOperation operation, int statusCode)
    {
        foreach (var code in operation.SuccessStatusCodes)
        {
            if (code == statusCode)
            {
                return true;
            }
        }

        return false;
    }

    private static void AddHeader(RestRequest request, Dictionary<string, string>? sent, string name, string value)
    {
        request.AddHeader(name, value);
        if (sent is not null)
        {
            sent[name] = Redactor.RedactHeader(name, value);
        }
    }

    /// <summary>"Bearer " + token, built once per token rather than once per call.</summary>
    private string BearerHeaderValue(string token)
    {
        var cached = Volatile.Read(ref _bearer);
        if (cached is not null && ReferenceEquals(cached.Token, token))
        {
            return cached.HeaderValue;
        }

        cached = new BearerHeader(token, "Bearer " + token);
        Volatile.Write(ref _bearer, cached);
        return cached.HeaderValue;
    }

    private static T ReadJson<T>(AirlineOperation operation, BufferedResponse response)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, AirlineJsonTypes<T>.Info)
                ?? throw new JsonException($"Expected a {typeof(T).Name} but the JSON was null.");
        }
        catch (JsonException ex)
        {
            throw new AirlineApiException(
                operation.OperationId,
                (int)response.StatusCode,
                [],
                $"{operation.OperationId} answered {(int)response.StatusCode} but the body does not match the spec's {typeof(T).Name}: {ex.Message}",
                ex);
        }
    }

    private static PayoutReceipt ReadReceipt(AirlineOperation operation, BufferedResponse response) =>
        new(response.Body, response.ContentType, response.ContentDisposition);

    private sealed record BearerHeader(string Token, string HeaderValue);

    private Exception TransportFailure(AirlineOperation operation, RestResponse response)
    {
        var target = $"{operation.OperationId} ({operation.Method} {_options.BaseUrl}{operation.PathTemplate.TrimStart('/')})";
        return response.ResponseStatus == ResponseStatus.TimedOut
            ? new TimeoutException($"{target} timed out after {_options.Timeout}.", response.ErrorException)
            : new HttpRequestException($"{target} got no response: {response.ErrorMessage}", response.ErrorException);
    }
}
