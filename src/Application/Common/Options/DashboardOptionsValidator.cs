using System.Globalization;
using CampaignDashboard.Domain.Customers;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Common.Options;

/// <summary>Checks the "Dashboard" section at start; each fault is one sentence naming its key and the value found.</summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    /// <summary>
    /// The ISO 4217 codes of the currencies in use in some country, as the runtime's region data lists them; empty in
    /// globalization-invariant mode, where only the code's shape (three capitals) is checked.
    /// </summary>
    private static readonly Lazy<IReadOnlySet<string>> IsoCurrencies = new(() => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => new RegionInfo(culture.Name).ISOCurrencySymbol)
        .ToHashSet(StringComparer.Ordinal));

    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.FiscalYearStartMonth is < 1 or > 12)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{DashboardOptions.SectionName}:{nameof(DashboardOptions.FiscalYearStartMonth)} must be a month from 1 to 12 (4 = April); found {options.FiscalYearStartMonth}."));
        }

        if (options.CacheSeconds is < 0 or > DashboardOptions.MaxCacheSeconds)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{DashboardOptions.SectionName}:{nameof(DashboardOptions.CacheSeconds)} must be from 0 (no cache) to {DashboardOptions.MaxCacheSeconds} (a day); found {options.CacheSeconds}."));
        }

        if (options.ResponseCacheEntries is < 1 or > DashboardOptions.MaxResponseCacheEntries)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{DashboardOptions.SectionName}:{nameof(DashboardOptions.ResponseCacheEntries)} must be from 1 to {DashboardOptions.MaxResponseCacheEntries}; found {options.ResponseCacheEntries}."));
        }

        if (!IsCurrencyCode(options.Currency))
        {
            failures.Add(
                $"{DashboardOptions.SectionName}:{nameof(DashboardOptions.Currency)} must be an ISO 4217 currency code in capitals, e.g. GBP, EUR, USD; found '{options.Currency}'.");
        }

        if (options.PhoneRegionCode is { } region && !MobileNumber.IsSupportedRegion(region))
        {
            failures.Add(
                $"{DashboardOptions.SectionName}:{nameof(DashboardOptions.PhoneRegion)} must be an ISO 3166 region code such as GB or IN, or empty; found '{options.PhoneRegion}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsCurrencyCode(string? code) =>
        code is { Length: 3 } && code.All(char.IsAsciiLetterUpper) && (IsoCurrencies.Value.Count == 0 || IsoCurrencies.Value.Contains(code));
}
