using System.ComponentModel;
using System.Reflection;
using CampaignDashboard.Application.Common.Exceptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Common.Options;

/// <summary>
/// Checks the scalar settings of a configuration section before they are bound to an options class, so that a
/// value of the wrong kind stops the start with one line naming the key ("Dashboard:FiscalYearStartMonth must be a
/// whole number; found 'april'.") rather than the binder's exception. The value is echoed: for sections without
/// secrets only.
/// </summary>
public static class ConfigurationValues
{
    /// <summary>Binds <paramref name="sectionPath"/> like BindConfiguration, after <see cref="Check{T}"/>.</summary>
    public static OptionsBuilder<T> BindCheckedConfiguration<T>(this OptionsBuilder<T> builder, string sectionPath)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configure<IConfiguration>((_, configuration) => Check<T>(configuration.GetSection(sectionPath)));
        return builder.BindConfiguration(sectionPath);
    }

    /// <summary>Throws <see cref="StartupConfigurationException"/> for the first setting that does not convert to its property's type.</summary>
    public static void Check<T>(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!property.CanWrite || !(type.IsPrimitive || type.IsEnum || type == typeof(decimal))
                || section[property.Name] is not { } value
                || (value.Length == 0 && type != property.PropertyType))
            {
                // An empty value leaves a nullable property null.
                continue;
            }

            if (!Converts(type, value))
            {
                throw new StartupConfigurationException($"{section.Path}:{property.Name} must be {Expected(type)}; found '{value}'.");
            }
        }
    }

    /// <summary>Whether the binder's own converter accepts the value (and, for an enum, whether it names a member).</summary>
    private static bool Converts(Type type, string value)
    {
        try
        {
            var converted = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return converted is not null && (!type.IsEnum || Enum.IsDefined(type, converted));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static string Expected(Type type) => type switch
    {
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ => "a whole number",
    };
}
