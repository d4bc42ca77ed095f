namespace Qilu.Identity.Tests;

public class PlaceholderTests
{
}
