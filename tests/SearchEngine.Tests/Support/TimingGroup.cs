namespace SearchEngine.Tests.Support;

/// <summary>
/// Tests that compare times (1× against 8× the input, in one process) run in this collection, which xUnit runs on
/// its own after the parallel ones: no other test class competes with them for the two cores, so a ratio measures
/// the algorithm and not the neighbours.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingGroup
{
    public const string Name = "Timing";
}
