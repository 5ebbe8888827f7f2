namespace Harness.Client.Atlas;

/// <summary>Notification and incident types, spelled as on the wire.</summary>
public static class AtlasEventTypes
{
    /// <summary>Incident "Schedule Change-Email Notification": an airline schedule-change email was received.</summary>
    public const string EmailScheduleChange = "email.schedulechange";

    /// <summary>Incident "Schedule Change-API Notification": a structured schedule change.</summary>
    public const string OrderScheduleChange = "order.schedulechange";

    /// <summary>Incident "Unaccounted Cancellation": an unexpected cancellation or refund was detected.</summary>
    public const string AbnormalCancelled = "abnormal.cancelled";

    public const string OrderTicketed = "order.ticketed";
    public const string OrderVoid = "order.void";
    public const string AirlineStatus = "airline.status";
    public const string EmailAll = "email.all";

    /// <summary>Legacy, hidden in the v1 docs.</summary>
    public const string OrderAddonComplete = "order.addonComplete";

    /// <summary>Legacy, hidden in the v1 docs.</summary>
    public const string OrderRefundComplete = "order.refundComplete";

    /// <summary>The three types that are incidents (listed by event/getPageList.do and confirmed by event/confirm*.do).</summary>
    public static IReadOnlyList<string> Incidents { get; } = [EmailScheduleChange, OrderScheduleChange, AbnormalCancelled];

    /// <summary>Every notification type the docs list.</summary>
    public static IReadOnlyList<string> All { get; } =
        [EmailScheduleChange, OrderScheduleChange, AbnormalCancelled, OrderTicketed, OrderVoid, AirlineStatus, EmailAll, OrderAddonComplete, OrderRefundComplete];

    /// <summary>True for the types whose envelope carries a notificationId (incidents and email.all).</summary>
    public static bool HasNotificationId(string type) => Incidents.Contains(type) || type == EmailAll;
}
