using System.Reflection;
using System.Runtime.CompilerServices;
using DisclosurePolicy.Requests;
using DisclosurePolicy.Rules;
using Xunit;

namespace DisclosurePolicy.Tests.Conventions;

/// <summary>House rules of the library's public surface, checked by reflection over the library assembly.</summary>
public class PublicApiConventionTests
{
    private static readonly Assembly Library = typeof(Policy).Assembly;

    private static readonly Type[] PublicTypes = [.. Library.GetExportedTypes()];

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    // Options and builders are mutable by design (STYLE rules 28 and 40). So are the *Definition types of the rule
    // format: they are the configuration-binding shape of a policy (binding needs setters) and build the immutable model.
    private static bool MayHaveSetters(Type type) =>
        type.Name.EndsWith("Options", StringComparison.Ordinal)
        || type.Name.EndsWith("Builder", StringComparison.Ordinal)
        || type.Name.EndsWith("Definition", StringComparison.Ordinal);

    [Fact]
    public void PublicClasses_AreSealedStaticOrAbstract()
    {
        string[] open = [.. PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName!)];

        Assert.Empty(open);
    }

    [Fact]
    public void PublicTypes_LiveInTheDisclosurePolicyNamespaces()
    {
        string[] outside =
        [
            .. PublicTypes
                .Where(t => t.Namespace != "DisclosurePolicy" && t.Namespace?.StartsWith("DisclosurePolicy.", StringComparison.Ordinal) != true)
                .Select(t => $"{t.FullName} ({t.Namespace})"),
        ];

        Assert.Empty(outside);
        Assert.DoesNotContain(PublicTypes, t => t.Namespace == "DisclosurePolicy.Internal");
    }

    [Fact]
    public void PublicEnums_ReserveZeroForUnspecified()
    {
        // ReportingCadence.None is a meaningful value (V0 promises no report), documented as the one exception.
        string[] wrong =
        [
            .. PublicTypes
                .Where(t => t.IsEnum && t != typeof(ReportingCadence))
                .Where(t => Enum.GetName(t, 0) != "Unspecified")
                .Select(t => $"{t.FullName}: zero is '{Enum.GetName(t, 0) ?? "(none)"}'"),
        ];

        Assert.Empty(wrong);
        Assert.Equal("None", Enum.GetName(ReportingCadence.None));
        Assert.Equal(0, (int)ReportingCadence.None);
    }

    [Fact]
    public void PublicTypes_HaveNoPublicSettersExceptInitOnlyOnLegalRequestAndOnOptionsBuildersAndDefinitions()
    {
        var violations = new List<string>();
        foreach (Type type in PublicTypes.Where(t => !t.IsEnum && !MayHaveSetters(t)))
        {
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                MethodInfo? setter = property.GetSetMethod();
                if (setter is null)
                {
                    continue;
                }

                bool allowed = type == typeof(LegalRequest) && IsInitOnly(setter);
                if (!allowed)
                {
                    violations.Add($"{type.FullName}.{property.Name}{(IsInitOnly(setter) ? " (init)" : string.Empty)}");
                }
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (!field.IsLiteral && !field.IsInitOnly)
                {
                    violations.Add($"{type.FullName}.{field.Name} (mutable field)");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void LegalRequest_SettablePropertiesAreAllInitOnly()
    {
        PropertyInfo[] settable = [.. typeof(LegalRequest).GetProperties().Where(p => p.GetSetMethod() is not null)];

        Assert.NotEmpty(settable);
        Assert.All(settable, p => Assert.True(IsInitOnly(p.GetSetMethod()!), p.Name));
    }

    [Fact]
    public void RequestsAndRules_NeverReferToEvaluation()
    {
        // Dependencies point down: Evaluation uses Rules and Requests, never the other way round.
        static IEnumerable<Type> Mentioned(Type type)
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            IEnumerable<Type> direct =
                new[] { type.BaseType }.OfType<Type>()
                    .Concat(type.GetInterfaces())
                    .Concat(type.GetFields(all).Select(f => f.FieldType))
                    .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                    .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                    .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
            return direct.SelectMany(Unwrap);
        }

        static IEnumerable<Type> Unwrap(Type t) =>
            t.HasElementType ? Unwrap(t.GetElementType()!)
            : t.IsGenericType ? t.GetGenericArguments().SelectMany(Unwrap).Prepend(t)
            : [t];

        string[] upward =
        [
            .. Library.GetTypes()
                .Where(t => t.Namespace is "DisclosurePolicy.Requests" or "DisclosurePolicy.Rules")
                .SelectMany(t => Mentioned(t).Where(m => m.Namespace is "DisclosurePolicy.Evaluation" or "DisclosurePolicy.Comparison" or "DisclosurePolicy.Reporting")
                    .Select(m => $"{t.FullName} -> {m.FullName}"))
                .Distinct(),
        ];

        Assert.Empty(upward);
    }
}
