using DisclosurePolicy.Tests.Shared;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DisclosurePolicy.Service.Tests.Support;

/// <summary>A fact run against each store: skipped, with the reason, in a test class marked
/// <see cref="RequiresPostgreSqlAttribute"/> when the PostgreSQL server cannot be reached here (outside CI only).</summary>
[XunitTestCaseDiscoverer("DisclosurePolicy.Service.Tests.Support.StoreFactDiscoverer", "DisclosurePolicy.Service.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Marks a test class that runs against the PostgreSQL server of <see cref="PostgreSqlServer"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgreSqlAttribute : Attribute;

/// <summary>Discovers <see cref="StoreFactAttribute"/> facts.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        TestMethodDisplay display = discoveryOptions.MethodDisplayOrDefault();
        TestMethodDisplayOptions options = discoveryOptions.MethodDisplayOptionsOrDefault();
        bool needsPostgreSql = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgreSqlAttribute)).Any();
        string? skip = needsPostgreSql ? PostgreSqlServer.SkipReason : null;
        yield return skip is null
            ? new XunitTestCase(diagnostics, display, options, testMethod)
            : new XunitSkippedDataRowTestCase(diagnostics, display, options, testMethod, skip);
    }
}
