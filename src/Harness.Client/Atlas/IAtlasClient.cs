namespace Harness.Client.Atlas;

/// <summary>
/// Atlas's Notifications / Incident Management endpoints: what <see cref="AtlasClient"/> implements and what
/// <c>services.AddAtlasClient(configuration)</c> hands out. Anything but <c>status</c> 0 throws an
/// <see cref="AtlasApiException"/> subtype chosen by the code alone.
/// </summary>
public interface IAtlasClient
{
    /// <summary>POST /updateWebhookURL.do: every event type is sent to this one URL.</summary>
    Task UpdateWebhookUrlAsync(Uri url, CancellationToken cancellationToken = default);

    /// <summary>POST /event/getPageList.do: one page of incidents matching <paramref name="query"/>.</summary>
    Task<IncidentPage> GetIncidentPageAsync(IncidentListQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Walks every page from <see cref="IncidentListQuery.PageIndex"/> (default 1) on. Stops at a short or empty page,
    /// or once <c>total</c> records have been seen.
    /// </summary>
    IAsyncEnumerable<Incident> GetAllIncidentsAsync(IncidentListQuery query, CancellationToken cancellationToken = default);

    /// <summary>POST /event/confirmEmailScheduleChangeEvent.do: acknowledge an email.schedulechange incident.</summary>
    Task ConfirmEmailScheduleChangeEventAsync(EmailScheduleChangeConfirmation confirmation, CancellationToken cancellationToken = default);

    /// <summary>POST /event/confirmAbnormalCancelledEvent.do: acknowledge an abnormal.cancelled incident.</summary>
    Task ConfirmAbnormalCancelledEventAsync(AbnormalCancelledConfirmation confirmation, CancellationToken cancellationToken = default);

    /// <summary>POST /event/confirmEvent.do: acknowledge an order.schedulechange incident.</summary>
    Task ConfirmEventAsync(EventConfirmation confirmation, CancellationToken cancellationToken = default);
}
