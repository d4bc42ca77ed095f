using Microsoft.AspNetCore.Components;

namespace Qilu.ArchitectureTests.UI;

public sealed class SampleComponent : ComponentBase;
