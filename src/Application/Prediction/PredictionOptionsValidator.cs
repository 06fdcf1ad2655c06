using System.Globalization;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Prediction;

/// <summary>Refuses a horizon or a discount rate that would make the predicted figures meaningless, at start.</summary>
public sealed class PredictionOptionsValidator : IValidateOptions<PredictionOptions>
{
    public ValidateOptionsResult Validate(string? name, PredictionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.HorizonDays is < 1 or > PredictionOptions.MaxHorizonDays)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{PredictionOptions.SectionName}:{nameof(PredictionOptions.HorizonDays)} must be from 1 to {PredictionOptions.MaxHorizonDays} days; found {options.HorizonDays}."));
        }

        if (!(options.AnnualDiscountRate is >= 0 and <= 1))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{PredictionOptions.SectionName}:{nameof(PredictionOptions.AnnualDiscountRate)} must be a yearly rate from 0 to 1 (0.10 = 10%); found {options.AnnualDiscountRate}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
