namespace Qilu.SharedKernel.Tests;

public class PlaceholderTests
{
}
