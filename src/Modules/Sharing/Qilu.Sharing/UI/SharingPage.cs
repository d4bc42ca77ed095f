using Qilu.SharedKernel.Time;
using Qilu.Web.Components;

namespace Qilu.Sharing.UI;

/// <summary>Base of the Sharing module's pages (the shell's <see cref="ModulePage"/>), with date formatting in China time.</summary>
public abstract class SharingPage : ModulePage
{
    protected static string China(DateTimeOffset? at) => at is { } t ? t.ToOffset(WorkingCalendar.ChinaOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
