namespace Qilu.Web.Components.Shared;

/// <summary>Accent colour of a <see cref="StatCard"/>.</summary>
public enum StatTone
{
    /// <summary>Brand red, for the figure that matters most.</summary>
    Primary,
    /// <summary>Government blue, the neutral default.</summary>
    Info,
    /// <summary>Green: done, on time.</summary>
    Success,
    /// <summary>Amber: needs attention (near deadline).</summary>
    Warning,
}
