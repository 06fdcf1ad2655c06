using CampaignDashboard.Application.Common.Exceptions;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Application.Common.Options;

/// <summary>Checks the segment schemes and the default scheme and method at start, as <see cref="SegmentSchemes"/> builds them.</summary>
public sealed class SegmentationOptionsValidator(IOptions<ScoringOptions> scoring) : IValidateOptions<SegmentationOptions>
{
    public ValidateOptionsResult Validate(string? name, SegmentationOptions options)
    {
        try
        {
            _ = new SegmentSchemes(Microsoft.Extensions.Options.Options.Create(options), scoring);
            return ValidateOptionsResult.Success;
        }
        catch (StartupConfigurationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
