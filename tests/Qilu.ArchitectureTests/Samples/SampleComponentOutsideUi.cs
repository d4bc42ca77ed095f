using Microsoft.AspNetCore.Components;

namespace Qilu.ArchitectureTests.Samples;

public sealed class SampleComponentOutsideUi : ComponentBase;
