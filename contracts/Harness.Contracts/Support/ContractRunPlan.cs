using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Harness.Contracts.Support.ContractRunPlan", "Harness.Contracts")]

namespace Harness.Contracts.Support;

/// <summary>
/// xUnit's own test framework, plus a record of the run's plan: the test cases xUnit was asked to run (after any
/// --filter) beside every test case xUnit discovers in the assembly, per collection. A theory's rows are cases of their
/// own (a --filter may pick some rows of a table-driven test), unless the runner runs the theory as one case. The contracts fixtures ask
/// <see cref="RunsEveryTest"/> whether a pact that cannot be published is a failure (an unfiltered run, as in CI) or
/// only a note (a filtered run). xUnit's discovery decides what a test is: [Fact], [Theory] and any other test
/// attribute count alike, and nothing needs to be counted by hand.
/// </summary>
public sealed class ContractRunPlan(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, HashSet<string>> Planned = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, HashSet<string>> Declared = new(StringComparer.Ordinal);
    private const string RowSeparator = "#";

    /// <summary>
    /// True when this run executes every test method of <paramref name="collection"/> that xUnit discovers; false for a
    /// filtered run, and when the plan is unknown (the assembly run by something other than this framework).
    /// </summary>
    public static bool RunsEveryTest(string collection)
    {
        lock (Gate)
        {
            return Declared.TryGetValue(collection, out var declared) && declared.Count > 0
                && Planned.TryGetValue(collection, out var planned)
                && declared.All(key => planned.Contains(key) || planned.Contains(MethodOf(key)));
        }
    }

    /// <summary>Records a plan (tests, for the plan's own tests); <paramref name="planned"/> ⊆ <paramref name="declared"/>.</summary>
    internal static void Record(IEnumerable<ITestCase> planned, IEnumerable<ITestCase> declared)
    {
        lock (Gate)
        {
            Planned.Clear();
            Declared.Clear();
            Add(Planned, planned);
            Add(Declared, declared);
        }
    }

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private static void Add(Dictionary<string, HashSet<string>> into, IEnumerable<ITestCase> cases)
    {
        foreach (var testCase in cases)
        {
            var method = testCase.TestMethod;
            var collection = method.TestClass.TestCollection.DisplayName;
            if (!into.TryGetValue(collection, out var methods))
            {
                into[collection] = methods = new HashSet<string>(StringComparer.Ordinal);
            }

            methods.Add(KeyOf(testCase));
        }
    }

    /// <summary>
    /// A case's key: its method, then the case's unique id for one row of a theory, or nothing for a whole method (a fact,
    /// or a theory run as one case, which runs every row).
    /// </summary>
    private static string KeyOf(ITestCase testCase)
    {
        var method = testCase.TestMethod.TestClass.Class.Name + "." + testCase.TestMethod.Method.Name;
        return testCase.TestMethodArguments is { Length: > 0 } && testCase is not XunitTheoryTestCase ? method + RowSeparator + testCase.UniqueID : method;
    }

    private static string MethodOf(string key) => key.Split(RowSeparator)[0];

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            // Stable: classes marked [RunsLastInCollection] move behind the others; xUnit keeps this order within a collection.
            var planned = testCases.OrderBy(c => c.TestMethod.TestClass.Class.GetCustomAttributes(typeof(RunsLastInCollectionAttribute)).Any() ? 1 : 0).ToList();
            Record(planned, DiscoverAll());
            base.RunTestCases(planned, executionMessageSink, executionOptions);
        }

        private List<ITestCase> DiscoverAll()
        {
            using var discoverer = CreateDiscoverer();
            using var sink = new DiscoverySink();
            discoverer.Find(includeSourceInformation: false, sink, new DiscoveryOptions());
            sink.Finished.Wait();
            return sink.TestCases;
        }
    }

    private sealed class DiscoverySink : LongLivedMarshalByRefObject, IMessageSink, IDisposable
    {
        public List<ITestCase> TestCases { get; } = [];

        public ManualResetEventSlim Finished { get; } = new();

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage discovered)
            {
                TestCases.Add(discovered.TestCase);
            }
            else if (message is IDiscoveryCompleteMessage)
            {
                Finished.Set();
            }

            return true;
        }

        public void Dispose() => Finished.Dispose();
    }

    /// <summary>xUnit's defaults for every discovery option.</summary>
    private sealed class DiscoveryOptions : LongLivedMarshalByRefObject, ITestFrameworkDiscoveryOptions
    {
        public TValue GetValue<TValue>(string name) => default!;

        public void SetValue<TValue>(string name, TValue value)
        {
        }
    }
}

/// <summary>The class's tests run after every other test of its collection (<see cref="ContractRunPlan"/> orders them so).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLastInCollectionAttribute : Attribute;
