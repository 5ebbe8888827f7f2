using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Harness.Client.Models;

namespace Harness.Client.Tests.Models;

/// <summary>
/// Pins what partners see of <c>Harness.Client.Models</c>: every public type, property (declaration order, which is the
/// wire order), nullability, <c>required</c>/<c>init</c>, JSON attribute, enum member and public method, compared with
/// <c>PublicApi.approved.txt</c>. A change to the generator or the spec that alters the models shows up here.
/// </summary>
public class PublicApiTests
{
    private const string ApproveVariable = "HARNESS_APPROVE";

    private static readonly string ApprovedPath =
        Path.Combine(RepoPaths.Root, "tests", "Harness.Client.Tests", "Models", "PublicApi.approved.txt");

    [Fact]
    public void ModelsPublicApi_WhenDumped_MatchesTheApprovedFile()
    {
        var actual = PublicApiDump.Of(typeof(CfarOffer).Assembly, typeof(CfarOffer).Namespace!);

        var reapprove = $"`{ApproveVariable}=1 dotnet test tests/Harness.Client.Tests --filter PublicApiTests`";
        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1"
            && (!File.Exists(ApprovedPath) || File.ReadAllText(ApprovedPath) != actual))
        {
            // Approving still fails the run that wrote the file: a changed API never passes unseen.
            File.WriteAllText(ApprovedPath, actual);
            Assert.Fail($"{ApprovedPath} now holds the new API: review its diff, then run the tests without {ApproveVariable}.");
        }

        File.Exists(ApprovedPath).Should().BeTrue($"{ApprovedPath} holds the approved API; make it with {reapprove}");
        var approved = File.ReadAllText(ApprovedPath);
        if (approved != actual)
        {
            Assert.Fail(PublicApiDump.FirstDifference(approved, actual)
                + $"\nIf the change is intended, re-approve: {reapprove}, and review the diff of {ApprovedPath}.");
        }
    }

    [Fact]
    public void FirstDifference_WhenALineDiffers_NamesTheLineAndBothTexts()
    {
        var message = PublicApiDump.FirstDifference("a\nb\nc\n", "a\nB\nc\n");

        message.Should().Contain("line 2").And.Contain("approved: b").And.Contain("actual:   B");
    }

    [Fact]
    public void Dump_WhenGivenThisNamespace_DescribesRequiredInitAndNullability()
    {
        var dump = PublicApiDump.Of(typeof(CfarOffer).Assembly, typeof(CfarOffer).Namespace!);

        dump.Should().Contain("sealed record class Harness.Client.Models.CfarOffer : System.Object")
            .And.Contain("  property System.String Id { get; init; } required")
            .And.Contain("  property System.String? CoverageExtension { get; init; }")
            .And.Contain("  property System.Collections.Generic.IReadOnlyList<Harness.Client.Models.CfarTax>? Taxes { get; init; }");
    }
}

/// <summary>A deterministic text of a namespace's public surface, read by reflection.</summary>
internal static class PublicApiDump
{
    private static readonly string[] DumpedAttributeNamespaces = ["System.Text.Json.Serialization"];

    public static string Of(Assembly assembly, string ns)
    {
        var context = new NullabilityInfoContext();
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().Where(t => t.Namespace == ns).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            DumpType(text, type, context);
            text.Append('\n');
        }

        return text.ToString();
    }

    public static string FirstDifference(string approved, string actual)
    {
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end of file>";
            var right = i < b.Length ? b[i] : "<end of file>";
            if (left != right)
            {
                return $"The models' public API differs from the approved file at line {i + 1}:\n  approved: {left}\n  actual:   {right}";
            }
        }

        return "The texts differ only in line endings.";
    }

    private static void DumpType(StringBuilder text, Type type, NullabilityInfoContext context)
    {
        text.Append(Kind(type)).Append(' ').Append(type.FullName);
        if (type.BaseType is { } baseType && !type.IsEnum && !type.IsValueType)
        {
            text.Append(" : ").Append(Name(baseType));
        }

        var interfaces = type.GetInterfaces().Select(Name).Order(StringComparer.Ordinal).ToList();
        if (interfaces.Count > 0)
        {
            text.Append(" implements ").AppendJoin(", ", interfaces);
        }

        text.Append('\n');
        Attributes(text, "  ", type.GetCustomAttributesData());

        if (type.IsEnum)
        {
            text.Append("  underlying ").Append(Name(Enum.GetUnderlyingType(type))).Append('\n');
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => f.MetadataToken))
            {
                text.Append("  member ").Append(field.Name).Append(" = ")
                    .Append(Convert.ToString(field.GetRawConstantValue(), CultureInfo.InvariantCulture)).Append('\n');
                Attributes(text, "    ", field.GetCustomAttributesData());
            }

            return;
        }

        const BindingFlags declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var ctor in type.GetConstructors(declared).OrderBy(c => Signature(c, context), StringComparer.Ordinal))
        {
            text.Append("  ctor ").Append(Signature(ctor, context)).Append('\n');
        }

        foreach (var field in type.GetFields(declared).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append("  field ").Append(field.IsStatic ? "static " : string.Empty).Append(field.IsInitOnly ? "readonly " : string.Empty)
                .Append(Name(field.FieldType, context.Create(field))).Append(' ').Append(field.Name).Append('\n');
        }

        // Declaration order: it is the order System.Text.Json writes properties in.
        foreach (var property in type.GetProperties(declared).OrderBy(p => p.MetadataToken))
        {
            DumpProperty(text, property, context);
        }

        var accessors = type.GetProperties(declared).SelectMany(p => p.GetAccessors()).ToHashSet();
        foreach (var method in type.GetMethods(declared).Where(m => !accessors.Contains(m))
                     .Select(m => (Line: (m.IsStatic ? "static " : string.Empty) + Name(m.ReturnType, context.Create(m.ReturnParameter)) + " " + m.Name + Signature(m, context), Method: m))
                     .OrderBy(m => m.Line, StringComparer.Ordinal))
        {
            text.Append("  method ").Append(method.Line).Append('\n');
        }
    }

    private static void DumpProperty(StringBuilder text, PropertyInfo property, NullabilityInfoContext context)
    {
        var isStatic = property.GetMethod?.IsStatic == true;
        text.Append("  property ").Append(isStatic ? "static " : string.Empty)
            .Append(Name(property.PropertyType, context.Create(property))).Append(' ').Append(property.Name).Append(" {");
        if (property.GetMethod is { IsPublic: true })
        {
            text.Append(" get;");
        }

        if (property.SetMethod is { IsPublic: true } setter)
        {
            var init = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            text.Append(init ? " init;" : " set;");
        }

        text.Append(" }");
        if (property.IsDefined(typeof(RequiredMemberAttribute), inherit: false))
        {
            text.Append(" required");
        }

        text.Append('\n');
        Attributes(text, "    ", property.GetCustomAttributesData());
    }

    private static string Kind(Type type) => type switch
    {
        { IsEnum: true } => "enum",
        { IsInterface: true } => "interface",
        { IsValueType: true } => (IsRecordStruct(type) ? "record " : string.Empty) + (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly struct" : "struct"),
        { IsAbstract: true, IsSealed: true } => "static class",
        _ => (type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : string.Empty) + (type.GetMethod("<Clone>$") is null ? "class" : "record class"),
    };

    // A record struct has no <Clone>$; its compiler-generated PrintMembers is the tell.
    private static bool IsRecordStruct(Type type) =>
        type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is { } m && m.IsDefined(typeof(CompilerGeneratedAttribute));

    private static string Signature(MethodBase method, NullabilityInfoContext context) =>
        "(" + string.Join(", ", method.GetParameters().Select(p => Parameter(p, context))) + ")";

    private static string Parameter(ParameterInfo parameter, NullabilityInfoContext context)
    {
        var type = parameter.ParameterType;
        var modifier = parameter.IsOut ? "out " : type.IsByRef ? (parameter.IsIn ? "in " : "ref ") : string.Empty;
        var text = modifier + Name(type.IsByRef ? type.GetElementType()! : type, context.Create(parameter)) + " " + parameter.Name;
        return parameter.HasDefaultValue
            ? text + " = " + (parameter.DefaultValue is null ? "null" : Convert.ToString(parameter.DefaultValue, CultureInfo.InvariantCulture))
            : text;
    }

    private static void Attributes(StringBuilder text, string indent, IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var line in attributes
                     .Where(a => DumpedAttributeNamespaces.Contains(a.AttributeType.Namespace) || a.AttributeType == typeof(ObsoleteAttribute))
                     .Select(Attribute)
                     .Order(StringComparer.Ordinal))
        {
            text.Append(indent).Append(line).Append('\n');
        }
    }

    private static string Attribute(CustomAttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments.Select(a => Value(a.Value))
            .Concat(attribute.NamedArguments.Select(a => a.MemberName + " = " + Value(a.TypedValue.Value)));
        return "[" + attribute.AttributeType.Name + "(" + string.Join(", ", arguments) + ")]";
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        Type t => "typeof(" + Name(t) + ")",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Name(Type type) => Name(type, nullability: null);

    private static string Name(Type type, NullabilityInfo? nullability)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying, nullability?.GenericTypeArguments.FirstOrDefault()) + "?";
        }

        string name;
        if (type.IsArray)
        {
            name = Name(type.GetElementType()!, nullability?.ElementType) + "[]";
        }
        else if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition().FullName!;
            var arguments = type.GetGenericArguments()
                .Select((a, i) => Name(a, nullability is { GenericTypeArguments.Length: > 0 } ? nullability.GenericTypeArguments[i] : null));
            name = definition[..definition.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", arguments) + ">";
        }
        else
        {
            name = type.FullName ?? type.Name;
        }

        return !type.IsValueType && nullability?.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }
}
