using Qilu.SharedKernel.Time;
using Qilu.Web.Components;

namespace Qilu.Sharing.UI;

/// <summary>Base of the Sharing module's pages (the shell's <see cref="ModulePage"/>), with date formatting in China time.</summary>
public abstract class SharingPage : ModulePage
{
    /// <summary>A grant's masking rule as stored in views (<c>None</c>/<c>Partial</c>/<c>Redact</c>), for display.</summary>
    protected string MaskLabel(string? rule) => rule switch { "None" => L["明文", "clear"], "Partial" => L["部分脱敏", "partial"], _ => L["屏蔽", "withheld"] };

    protected static string China(DateTimeOffset? at) => at is { } t ? t.ToOffset(WorkingCalendar.ChinaOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
