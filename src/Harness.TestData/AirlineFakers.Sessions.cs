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
        var flow = flowType ?? faker.PickRandom<FlowType>();
        return new CreateAirlineSessionRequest
        {
            FlowType = flow,
            PointOfSale = pointOfSale,
            Language = language,
            SessionId = faker.Random.Bool(0.3f) ? faker.Random.Guid().ToString() : null,
            Product = flow == FlowType.Exercise || faker.Random.Bool(0.5f) ? faker.PickRandom<Product>() : null,
            UserInfo = faker.Random.Bool(0.6f) ? UserInfo() : null,
            Device = faker.Random.Bool(0.8f) ? Device() : null,
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
            SessionId = faker.Random.Bool(0.3f) ? faker.Random.Guid().ToString() : null,
            UserInfo = faker.Random.Bool(0.6f) ? UserInfo() : null,
            Device = faker.Random.Bool(0.8f) ? Device() : null,
            Channel = faker.Random.Bool(0.8f) ? Channel() : null,
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
        AirlineUserId = faker.Random.Guid().ToString(),
        CreatedDateTime = faker.Random.Bool(0.7f) ? Now.AddDays(-faker.Random.Int(1, 3000)).AddSeconds(-faker.Random.Int(0, 86399)) : null,
        PreviousBookings = faker.Random.Bool(0.7f) ? faker.Random.Int(0, 25) : null,
    };

    /// <summary>Any member of the <c>device</c> union, usually with a platform, OS and browser.</summary>
    public Device Device()
    {
        var id = faker.Random.Guid().ToString();
        var platform = faker.Random.Bool(0.8f) ? Platform() : null;
        var theme = faker.Random.Bool(0.3f) ? faker.PickRandom("light", "dark") : null;
        var build = faker.Random.Bool(0.3f) ? faker.System.Semver() : null;
        return faker.Random.Int(0, 2) switch
        {
            0 => new Desktop { Id = id, Platform = platform, UiTheme = theme, ReleaseBuild = build },
            1 => new Mobile { Id = id, Platform = platform, UiTheme = theme, ReleaseBuild = build },
            _ => new Tablet { Id = id, Platform = platform, UiTheme = theme, ReleaseBuild = build },
        };
    }

    /// <summary>Any member of the <c>platform</c> union.</summary>
    public Platform Platform() => faker.Random.Bool()
        ? new App { OperatingSystem = faker.Random.Bool(0.9f) ? OperatingSystem() : null }
        : new Web { OperatingSystem = faker.Random.Bool(0.8f) ? OperatingSystem() : null, Browser = faker.Random.Bool(0.9f) ? Browser() : null };

    /// <summary>Any member of the <c>operating_system</c> union.</summary>
    public Harness.Client.Models.OperatingSystem OperatingSystem()
    {
        var version = faker.Random.Bool(0.7f) ? $"{faker.Random.Int(8, 17)}.{faker.Random.Int(0, 9)}" : null;
        return faker.Random.Int(0, 6) switch
        {
            0 => new Android { Version = version },
            1 => new ChromeOs { Version = version },
            2 => new IOs { Version = version },
            3 => new Linux { Version = version },
            4 => new MacOs { Version = version },
            5 => new Windows { Version = version },
            _ => new OtherOs { Name = faker.PickRandom("HarmonyOS", "KaiOS", "FreeBSD"), Version = version },
        };
    }

    /// <summary>Any member of the <c>browser</c> union.</summary>
    public Browser Browser()
    {
        var version = faker.Random.Bool(0.7f) ? $"{faker.Random.Int(90, 130)}.0" : null;
        return faker.Random.Int(0, 6) switch
        {
            0 => new Chrome { Version = version },
            1 => new Edge { Version = version },
            2 => new Firefox { Version = version },
            3 => new InternetExplorer { Version = version },
            4 => new Opera { Version = version },
            5 => new Safari { Version = version },
            _ => new OtherBrowser { Name = faker.PickRandom("Brave", "Vivaldi", "Samsung Internet"), Version = version },
        };
    }

    /// <summary>Any member of the <c>channel</c> union.</summary>
    public Channel Channel() => faker.Random.Int(0, 4) switch
    {
        0 => new AgentReseller { AgencyId = "AG" + faker.Random.Number(10000, 99999), AgentId = faker.Random.AlphaNumeric(8).ToUpperInvariant() },
        1 => new Api { Client = faker.PickRandom("ndc-gateway", "mobile-backend", "kiosk-service") },
        2 => new Direct(),
        3 => new OnlineBookingTool { TravelManagementCompany = faker.PickRandom("Amex GBT", "BCD Travel", "CWT", "FCM"), Business = faker.Company.CompanyName() },
        _ => new WhiteLabel { Brand = faker.Company.CompanyName() + " Travel" },
    };

    /// <summary>Either event type of <c>POST /events</c>.</summary>
    public Event Event() => faker.Random.Bool() ? BookingConfirmed() : OffersDisplayed();

    public BookingConfirmed BookingConfirmed(string? cfarContractId = null, string? dgContractId = null) => new()
    {
        OccurredDateTime = EventTime(),
        CfarContractId = cfarContractId ?? (faker.Random.Bool(0.5f) ? faker.Random.Guid().ToString() : null),
        DgContractId = dgContractId ?? (faker.Random.Bool(0.3f) ? faker.Random.Guid().ToString() : null),
    };

    public OffersDisplayed OffersDisplayed() => new() { OccurredDateTime = EventTime() };

    // Spec: "the date and time at which an event occurred on a client device": just before Now, never in the future.
    private DateTimeOffset EventTime() => Now.AddSeconds(-faker.Random.Int(1, 3600));

    private (string PointOfSale, string Language) PointOfSale()
    {
        var country = faker.PickRandom(ReferenceData.LanguagesByCountry.Keys.Order(StringComparer.Ordinal).ToArray());
        return (country, faker.PickRandom(ReferenceData.LanguagesByCountry[country]));
    }
}
