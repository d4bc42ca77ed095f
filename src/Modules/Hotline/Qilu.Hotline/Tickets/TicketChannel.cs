namespace Qilu.Hotline.Tickets;

/// <summary>How a request reached the hotline; every channel lands in the same ticket model.</summary>
internal enum TicketChannel
{
    /// <summary>12345 电话 (agent console).</summary>
    Hotline = 0,
    /// <summary>门户网站/App 在线提交.</summary>
    Portal = 1,
    /// <summary>领导信箱.</summary>
    LeadershipMailbox = 2,
    /// <summary>企业诉求.</summary>
    Enterprise = 3,
    /// <summary>我要吐槽.</summary>
    Complaint = 4,
    /// <summary>办不成事 反映窗口.</summary>
    CannotGetDone = 5,
    /// <summary>好差评 差评 (from the Cases module).</summary>
    BadReview = 6,
    /// <summary>Open311 GeoReport v2 client.</summary>
    Open311 = 7,
}

/// <summary>Channel keys (API) and names (UI).</summary>
internal static class TicketChannels
{
    public static readonly IReadOnlyList<(TicketChannel Channel, string Key, string Zh)> All =
    [
        (TicketChannel.Hotline, "hotline", "12345热线"),
        (TicketChannel.Portal, "portal", "网上诉求"),
        (TicketChannel.LeadershipMailbox, "leadership_mailbox", "领导信箱"),
        (TicketChannel.Enterprise, "enterprise", "企业诉求"),
        (TicketChannel.Complaint, "complaint", "我要吐槽"),
        (TicketChannel.CannotGetDone, "cannot_get_done", "办不成事"),
        (TicketChannel.BadReview, "bad_review", "好差评差评"),
        (TicketChannel.Open311, "open311", "Open311接口"),
    ];

    public static string Key(TicketChannel c) => All.First(x => x.Channel == c).Key;

    public static string Zh(TicketChannel c) => All.First(x => x.Channel == c).Zh;

    public static TicketChannel? Parse(string? key) => All.FirstOrDefault(x => x.Key == key) is { Key: not null } m ? m.Channel : null;
}
