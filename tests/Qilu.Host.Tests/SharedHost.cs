using Qilu.Testing;

namespace Qilu.Host.Tests;

/// <summary>Tests that share one in-process host with default settings.</summary>
[CollectionDefinition(Name)]
public sealed class SharedHost : ICollectionFixture<QiluFixture>
{
    public const string Name = "host";
}
