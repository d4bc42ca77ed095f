namespace Qilu.Hotline.Tickets;

/// <summary>紧急程度: drives the sign-for and handling deadlines.</summary>
internal enum Urgency
{
    /// <summary>一般.</summary>
    Normal = 0,
    /// <summary>紧急.</summary>
    Urgent = 1,
    /// <summary>特急.</summary>
    Critical = 2,
}

/// <summary>回访满意度.</summary>
internal enum Satisfaction
{
    /// <summary>满意.</summary>
    Satisfied = 0,
    /// <summary>基本满意.</summary>
    BasicallySatisfied = 1,
    /// <summary>不满意.</summary>
    Dissatisfied = 2,
}

/// <summary>Keys and names.</summary>
internal static class TicketEnums
{
    public static string Key(Urgency u) => u switch { Urgency.Urgent => "urgent", Urgency.Critical => "critical", _ => "normal" };

    public static string Zh(Urgency u) => u switch { Urgency.Urgent => "紧急", Urgency.Critical => "特急", _ => "一般" };

    public static Urgency? ParseUrgency(string? key) => key switch { null or "" or "normal" => Urgency.Normal, "urgent" => Urgency.Urgent, "critical" => Urgency.Critical, _ => null };

    public static string Key(Satisfaction s) => s switch { Satisfaction.Satisfied => "satisfied", Satisfaction.BasicallySatisfied => "basically_satisfied", _ => "dissatisfied" };

    public static string Zh(Satisfaction s) => s switch { Satisfaction.Satisfied => "满意", Satisfaction.BasicallySatisfied => "基本满意", _ => "不满意" };

    public static Satisfaction? ParseSatisfaction(string? key) => key switch
    {
        "satisfied" => Satisfaction.Satisfied, "basically_satisfied" => Satisfaction.BasicallySatisfied, "dissatisfied" => Satisfaction.Dissatisfied, _ => null,
    };
}
