namespace Qilu.BrowserTests;

public class PlaceholderTests
{
}
