namespace Qilu.Host.Tests;

public class PlaceholderTests
{
}
