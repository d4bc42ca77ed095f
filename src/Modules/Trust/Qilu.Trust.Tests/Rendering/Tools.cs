using System.Diagnostics;

namespace Qilu.Trust.Tests.Rendering;

/// <summary>Runs standard command-line tools (poppler, zbar, openssl) when installed, so outputs are checked independently.</summary>
internal static class Tools
{
    public static bool Has(string name) => File.Exists("/usr/bin/" + name);

    /// <summary>Exit code, standard output, and standard error kept apart (zbarimg prints D-Bus noise on stderr).</summary>
    public static (int ExitCode, string Output, string Error) Run(string dir, string tool, params string[] args)
    {
        var info = new ProcessStartInfo("/usr/bin/" + tool) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
