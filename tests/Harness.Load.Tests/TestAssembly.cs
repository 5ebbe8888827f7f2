// The engine tests measure a real generator against a real Kestrel host on a shared 2-core machine: running them one
// at a time keeps one test's load from making another's lateness.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
