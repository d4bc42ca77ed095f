using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Web.Localization;

namespace Qilu.Trust.UI;

/// <summary>
/// Base of the Trust module's pages. Interactive circuits have no HttpContext: the actor comes from
/// the cascading authentication state through <see cref="ActorAccessor.FromPrincipal"/>, and every operation runs
/// the same use-case core as the HTTP API in a fresh DI scope (a DbContext must not live as long as a circuit).
/// </summary>
public abstract class TrustPage : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject] private ActorAccessor Actors { get; set; } = default!;

    /// <summary>Chinese/English text picker.</summary>
    [Inject] protected ShellText L { get; set; } = default!;

    /// <summary>Who is acting in this circuit.</summary>
    protected Actor Actor { get; private set; } = Actor.Anonymous;

    /// <summary>False until the actor is known (first render shows nothing permission-dependent).</summary>
    protected bool Ready { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        var user = AuthState is null ? null : (await AuthState).User;
        Actor = Actors.FromPrincipal(user);
        Ready = true;
        await LoadAsync();
    }

    /// <summary>First load after the actor is known.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>Runs <paramref name="work"/> in its own DI scope.</summary>
    protected async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>The message of an error in the UI language.</summary>
    protected static string Text(Error error) => ShellText.Pick(error?.Message ?? "", error?.MessageEn ?? "");

    /// <summary>Field → messages of a failed result (errors without a field go under "").</summary>
    protected static Dictionary<string, string> FieldErrors<T>(Result<T> result) =>
        result.IsSuccess ? [] : result.Errors.GroupBy(e => e.Field ?? "").ToDictionary(g => g.Key, g => string.Join("；", g.Select(Text)));
}
