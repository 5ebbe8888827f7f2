using Bogus;
using Harness.Client.Models;
using Harness.TestData.Reference;

namespace Harness.TestData;

public sealed partial class AirlineFakers
{
    /// <summary>A <c>POST /sessions</c> body. Spec prose: <c>product</c> is "Required for sessions having flow_type exercise", so it is always set then.</summary>
    public CreateAirlineSessionRequest CreateAirlineSessionRequest(FlowType? flowType = null)
    {
        var (pointOfSale, language) = PointOfSale();
        var flow = flowType ?? _faker.PickRandom<FlowType>();
        return new CreateAirlineSessionRequest
        {
            FlowType = flow,
            PointOfSale = pointOfSale,
            Language = language,
            SessionId = _faker.Random.Bool(0.3f) ? _faker.Random.Guid().ToString() : null,
            Product = flow == FlowType.Exercise || _faker.Random.Bool(0.5f) ? _faker.PickRandom<Product>() : null,
            UserInfo = _faker.Random.Bool(0.6f) ? UserInfo() : null,
            Device = _faker.Random.Bool(0.8f) ? Device() : null,
        };
    }

    /// <summary>The inline <c>session</c> of CFAR offer and exercise requests (no flow_type or product; has channel).</summary>
    public CreateAirlineCfarSessionRequest CreateAirlineCfarSessionRequest(Trip? trip = null)
    {
        var (pointOfSale, language) = trip is null ? PointOfSale() : (trip.PointOfSale, trip.Language);
        return new CreateAirlineCfarSessionRequest
        {
            PointOfSale = pointOfSale,
            Language = language,
            SessionId = _faker.Random.Bool(0.3f) ? _faker.Random.Guid().ToString() : null,
            UserInfo = _faker.Random.Bool(0.6f) ? UserInfo() : null,
            Device = _faker.Random.Bool(0.8f) ? Device() : null,
            Channel = _faker.Random.Bool(0.8f) ? Channel() : null,
        };
    }

    /// <summary>The inline <c>session</c> of DG offer and exercise requests; same shape as the CFAR one, distinct schema.</summary>
    public CreateAirlineDgSessionRequest CreateAirlineDgSessionRequest(Trip? trip = null)
    {
        var cfar = CreateAirlineCfarSessionRequest(trip);
        return new CreateAirlineDgSessionRequest
        {
            PointOfSale = cfar.PointOfSale,
            Language = cfar.Language,
            SessionId = cfar.SessionId,
            UserInfo = cfar.UserInfo,
            Device = cfar.Device,
            Channel = cfar.Channel,
        };
    }

    public UserInfo UserInfo() => new()
    {
        AirlineUserId = _faker.Random.Guid().ToString(),
        CreatedDateTime = _faker.Random.Bool(0.7f) ? Now.AddDays(-_faker.Random.Int(1, 3000)).AddSeconds(-_faker.Random.Int(0, 86399)) : null,
        PreviousBookings = _faker.Random.Bool(0.7f) ? _faker.Random.Int(0, 25) : null,
    };

    /// <summary>Any member of the <c>device</c> union, usually with a platform, OS and browser.</summary>
    public Device Device()
    {
        var id = _faker.Random.Guid().ToString();
        var platform = _faker.Random.Bool(0.8f) ? Platform() : null;
        var theme = _faker.Random.Bool(0.3f) ? _faker.PickRandom("light", "dark") : null;
        var build = _faker.Random.Bool(0.3f) ? _faker.System.Semver() : null;
        return _faker.Random.Int(0, 2) switch
        {
            0 => new Desktop { Id = id, Platform = platform, UiTheme = theme, ReleaseBuild = build },
            1 => new Mobile { Id = id, Platform = platform, UiTheme = theme, ReleaseBuild = build },
            _ => new Tablet { Id = id, Platform = platform, UiTheme = theme, ReleaseBuild = build },
        };
    }

    /// <summary>Any member of the <c>platform</c> union.</summary>
    public Platform Platform() => _faker.Random.Bool()
        ? new App { OperatingSystem = _faker.Random.Bool(0.9f) ? OperatingSystem() : null }
        : new Web { OperatingSystem = _faker.Random.Bool(0.8f) ? OperatingSystem() : null, Browser = _faker.Random.Bool(0.9f) ? Browser() : null };

    /// <summary>Any member of the <c>operating_system</c> union.</summary>
    public Harness.Client.Models.OperatingSystem OperatingSystem()
    {
        var version = _faker.Random.Bool(0.7f) ? $"{_faker.Random.Int(8, 17)}.{_faker.Random.Int(0, 9)}" : null;
        return _faker.Random.Int(0, 6) switch
        {
            0 => new Android { Version = version },
            1 => new ChromeOs { Version = version },
            2 => new IOs { Version = version },
            3 => new Linux { Version = version },
            4 => new MacOs { Version = version },
            5 => new Windows { Version = version },
            _ => new OtherOs { Name = _faker.PickRandom("HarmonyOS", "KaiOS", "FreeBSD"), Version = version },
        };
    }

    /// <summary>Any member of the <c>browser</c> union.</summary>
    public Browser Browser()
    {
        var version = _faker.Random.Bool(0.7f) ? $"{_faker.Random.Int(90, 130)}.0" : null;
        return _faker.Random.Int(0, 6) switch
        {
            0 => new Chrome { Version = version },
            1 => new Edge { Version = version },
            2 => new Firefox { Version = version },
            3 => new InternetExplorer { Version = version },
            4 => new Opera { Version = version },
            5 => new Safari { Version = version },
            _ => new OtherBrowser { Name = _faker.PickRandom("Brave", "Vivaldi", "Samsung Internet"), Version = version },
        };
    }

    /// <summary>Any member of the <c>channel</c> union.</summary>
    public Channel Channel() => _faker.Random.Int(0, 4) switch
    {
        0 => new AgentReseller { AgencyId = "AG" + _faker.Random.Number(10000, 99999), AgentId = _faker.Random.AlphaNumeric(8).ToUpperInvariant() },
        1 => new Api { Client = _faker.PickRandom("ndc-gateway", "mobile-backend", "kiosk-service") },
        2 => new Direct(),
        3 => new OnlineBookingTool { TravelManagementCompany = _faker.PickRandom("Amex GBT", "BCD Travel", "CWT", "FCM"), Business = _faker.Company.CompanyName() },
        _ => new WhiteLabel { Brand = _faker.Company.CompanyName() + " Travel" },
    };

    /// <summary>Either event type of <c>POST /events</c>.</summary>
    public Event Event() => _faker.Random.Bool() ? BookingConfirmed() : OffersDisplayed();

    public BookingConfirmed BookingConfirmed(string? cfarContractId = null, string? dgContractId = null) => new()
    {
        OccurredDateTime = EventTime(),
        CfarContractId = cfarContractId ?? (_faker.Random.Bool(0.5f) ? _faker.Random.Guid().ToString() : null),
        DgContractId = dgContractId ?? (_faker.Random.Bool(0.3f) ? _faker.Random.Guid().ToString() : null),
    };

    public OffersDisplayed OffersDisplayed() => new() { OccurredDateTime = EventTime() };

    // Spec: "the date and time at which an event occurred on a client device": just before Now, never in the future.
    private DateTimeOffset EventTime() => Now.AddSeconds(-_faker.Random.Int(1, 3600));

    private (string PointOfSale, string Language) PointOfSale()
    {
        var country = _faker.PickRandom(ReferenceData.LanguagesByCountry.Keys.Order(StringComparer.Ordinal).ToArray());
        return (country, _faker.PickRandom(ReferenceData.LanguagesByCountry[country]));
    }
}
