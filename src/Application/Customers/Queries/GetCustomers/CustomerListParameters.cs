using System.Globalization;
using CampaignDashboard.Application.Customers.Common;
using FluentValidation;

namespace CampaignDashboard.Application.Customers.Queries.GetCustomers;

/// <summary>The paging of a customers list (contract section 6): the public names, defaults and limits.</summary>
public static class CustomerListParameters
{
    public const string Page = "page";
    public const string PageSize = "page_size";
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static bool TryParsePage(string? text, out int page) => TryParse(text, 1, 1, int.MaxValue, out page);

    public static bool TryParsePageSize(string? text, out int size) => TryParse(text, DefaultPageSize, 1, MaxPageSize, out size);

    /// <summary>The page of a validated request.</summary>
    public static int ValidPage(string? text) => TryParsePage(text, out var page) ? page : throw Unvalidated(text);

    /// <summary>The page size of a validated request.</summary>
    public static int ValidPageSize(string? text) => TryParsePageSize(text, out var size) ? size : throw Unvalidated(text);

    /// <summary>Adds the sort rule of a list or an export to a validator.</summary>
    public static void RuleForSort<T>(AbstractValidator<T> validator, Func<T, string?> sort) =>
        validator.RuleFor(q => sort(q))
            .Must(value => CustomerSort.TryParse(value, out _))
            .OverridePropertyName(CustomerSort.Parameter)
            .WithMessage(q => $"unknown sort key '{sort(q)!.Trim()}'; allowed: {string.Join(", ", CustomerSort.Keys)}, each optionally preceded by '-' for descending");

    /// <summary>Adds the paging rules of a list (a page from 1, a page size of 1..1000) to a validator.</summary>
    public static void RuleForPaging<T>(AbstractValidator<T> validator, Func<T, string?> page, Func<T, string?> pageSize)
    {
        validator.RuleFor(q => page(q))
            .Must(value => TryParsePage(value, out _))
            .OverridePropertyName(Page)
            .WithMessage("must be a whole number from 1");
        validator.RuleFor(q => pageSize(q))
            .Must(value => TryParsePageSize(value, out _))
            .OverridePropertyName(PageSize)
            .WithMessage($"must be a whole number from 1 to {MaxPageSize}");
    }

    /// <summary>Adds the rule of an export, which holds every row: no page, no page size.</summary>
    public static void RuleForNoPaging<T>(AbstractValidator<T> validator, Func<T, string?> page, Func<T, string?> pageSize)
    {
        const string WholeExport = "is not taken by an export, which holds every row";
        validator.RuleFor(q => page(q)).Empty().OverridePropertyName(Page).WithMessage(WholeExport);
        validator.RuleFor(q => pageSize(q)).Empty().OverridePropertyName(PageSize).WithMessage(WholeExport);
    }

    private static InvalidOperationException Unvalidated(string? text) => new($"The value '{text}' did not pass validation.");

    private static bool TryParse(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text)
            || (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }
}
