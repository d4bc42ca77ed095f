namespace Qilu.Platform.Tests;

public class PlaceholderTests
{
}
