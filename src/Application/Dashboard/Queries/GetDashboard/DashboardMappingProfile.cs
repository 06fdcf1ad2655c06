using AutoMapper;
using CampaignDashboard.Domain.Figures;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>
/// Lays the domain's finished figures onto the response records. No arithmetic here: the domain's figures
/// (<see cref="KpiTotals"/>, <see cref="CategoryShare"/>, ...) define every ratio, percentage and rounding.
/// </summary>
public sealed class DashboardMappingProfile : Profile
{
    public DashboardMappingProfile()
    {
        CreateMap<KpiTotals, KpiDto>();
        CreateMap<CategoryShare, ScoreItemDto>().ForCtorParam(nameof(ScoreItemDto.Score), o => o.MapFrom(s => s.Category));
        CreateMap<CategoryShare, BucketItemDto>();
        CreateMap<SegmentFigures, SegmentItemDto>();
        CreateMap<RfGridCell, RfGridItemDto>();
        CreateMap<FiscalYearActivity, FiscalYearItemDto>();
    }
}
