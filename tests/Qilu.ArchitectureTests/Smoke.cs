namespace Qilu.ArchitectureTests;

public class PlaceholderTests
{
}
