namespace Qilu.SharedKernel.Tests;

/// <summary>A clock stopped at one instant (avoids a package for the few tests that need "today").</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
