using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

using DisclosurePolicy.Tests.Shared;

namespace DisclosurePolicy.Tests.Support;

/// <summary>A fact of the store contract suite: skipped, with the reason, in a test class whose store cannot run here
/// (see <see cref="RequiresPostgreSqlAttribute"/>), run everywhere else.</summary>
[XunitTestCaseDiscoverer("DisclosurePolicy.Tests.Support.StoreFactDiscoverer", "DisclosurePolicy.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Marks a test class that needs the PostgreSQL server of <see cref="PostgreSqlServer"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgreSqlAttribute : Attribute;

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
