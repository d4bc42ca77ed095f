using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Qilu.Web.Localization;

/// <summary>
/// Request localisation for the shell: zh-CN by default, en-US on request, chosen by the
/// <c>.AspNetCore.Culture</c> cookie (set by <c>/culture/set</c>) or the <c>culture</c> query string.
/// </summary>
public static class ShellLocalization
{
    /// <summary>The default culture of a Chinese government platform.</summary>
    public const string DefaultCulture = "zh-CN";

    /// <summary>The alternative culture.</summary>
    public const string EnglishCulture = "en-US";

    /// <summary>Cultures the shell offers.</summary>
    public static IReadOnlyList<string> SupportedCultures { get; } = [DefaultCulture, EnglishCulture];

    /// <summary>
    /// Registers request-localisation options, the <see cref="ShellText"/> picker and an HTML encoder that leaves
    /// Chinese unescaped (the default encoder writes <c>&amp;#x5F20;</c> for every CJK character in SSR output).
    /// </summary>
    public static IServiceCollection AddQiluLocalization(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Accept-Language is deliberately not consulted: the platform speaks Chinese unless the user asks
            // otherwise, whatever language the browser happens to be set to.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        services.TryAddScoped<ShellText>();
        services.Replace(ServiceDescriptor.Singleton(HtmlEncoder.Create(UnicodeRanges.All)));
        return services;
    }

    /// <summary>Adds the request-localisation middleware; call before routing to Razor components and the Blazor hub.</summary>
    public static IApplicationBuilder UseQiluLocalization(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseRequestLocalization();
    }

    /// <summary>True when <paramref name="culture"/> is one the shell offers (case-insensitive).</summary>
    public static bool IsSupported(string? culture) =>
        culture is not null && SupportedCultures.Contains(culture, StringComparer.OrdinalIgnoreCase);
}
