using AutoMapper;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Application.Dashboard.Queries.GetDashboard;

/// <summary>Maps exact totals into the response records: every ratio, percentage and rounding happens here.</summary>
public sealed class DashboardMappingProfile : Profile
{
    public DashboardMappingProfile()
    {
        CreateMap<KpiTotals, KpiDto>()
            .ForCtorParam(nameof(KpiDto.TotalCustomer), o => o.MapFrom(t => t.Customers))
            .ForCtorParam(nameof(KpiDto.UnitPerTransaction), o => o.MapFrom(t => Metrics.Ratio(t.Units, t.Bills)))
            .ForCtorParam(nameof(KpiDto.ProfitPerCustomer), o => o.MapFrom(t => Metrics.Ratio(t.Profit, t.Customers)))
            .ForCtorParam(nameof(KpiDto.CustomerSpending), o => o.MapFrom(t => Metrics.Round(t.Spend)))
            .ForCtorParam(nameof(KpiDto.DaysToReturn), o => o.MapFrom(t => Metrics.Ratio(t.ReturnGapDays, t.ReturnGapCount)))
            .ForCtorParam(nameof(KpiDto.RetentionRate), o => o.MapFrom(t => Metrics.Percentage(t.ReturningCustomers, t.Customers)));

        CreateMap<ScoreTally, ScoreItemDto>()
            .ForCtorParam(nameof(ScoreItemDto.Percentage), o => o.MapFrom(t => Metrics.Percentage(t.Customers, t.WidgetTotal)));

        CreateMap<BucketTally, BucketItemDto>()
            .ForCtorParam(nameof(BucketItemDto.Percentage), o => o.MapFrom(t => Metrics.Percentage(t.Customers, t.WidgetTotal)));

        CreateMap<SegmentTally, SegmentItemDto>()
            .ForCtorParam(nameof(SegmentItemDto.Percentage), o => o.MapFrom(t => Metrics.Percentage(t.Customers, t.WidgetTotal)))
            .ForCtorParam(nameof(SegmentItemDto.Spending), o => o.MapFrom(t => Metrics.Round(t.Spend)));

        CreateMap<FiscalYearTally, FiscalYearItemDto>()
            .ForCtorParam(nameof(FiscalYearItemDto.OldCustomers), o => o.MapFrom(t => t.TotalCustomers - t.NewCustomers))
            .ForCtorParam(nameof(FiscalYearItemDto.NewCustomerPercentage),
                o => o.MapFrom(t => Metrics.Percentage(t.NewCustomers, t.TotalCustomers)))
            .ForCtorParam(nameof(FiscalYearItemDto.OldCustomerPercentage),
                o => o.MapFrom(t => Metrics.Percentage(t.TotalCustomers - t.NewCustomers, t.TotalCustomers)));
    }
}
