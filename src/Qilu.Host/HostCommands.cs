using System.CommandLine;

namespace Qilu.Host;

/// <summary>The host's command line: <c>serve</c> (default), <c>migrate</c>, <c>seed demo</c>, <c>admin create</c>, <c>audit verify</c>.</summary>
internal static class HostCommands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("齐鲁 Qilu — 一体化数字政府平台 / integrated digital-government platform");
        var serve = new Command("serve", "启动平台 / start the platform (default)");
        serve.TreatUnmatchedTokensAsErrors = false;
        serve.SetAction(pr => QiluApp.Run(pr.UnmatchedTokens.ToArray()));
        root.Subcommands.Add(serve);
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(pr => QiluApp.Run(pr.UnmatchedTokens.ToArray()));
        return root;
    }
}
