namespace CampaignDashboard.Application.Dashboard.Ports;

/// <summary>One widget's data for a filter. Implementations live with the database engines.</summary>
public interface IWidgetQuery<TResult>
{
    Task<TResult> ExecuteAsync(DashboardFilter filter, CancellationToken cancellationToken);
}

// One port per widget, so that each can be implemented, mocked and measured on its own.

/// <summary>The as-of date A: end_date when given, else the latest transaction date; null without data.</summary>
public interface IAsOfDateQuery : IWidgetQuery<DateOnly?>;

public interface IKpiQuery : IWidgetQuery<KpiTotals>;

/// <summary>Customers per R score.</summary>
public interface IRecencyScoreQuery : IWidgetQuery<IReadOnlyList<CategoryCount>>;

/// <summary>Customers per F score.</summary>
public interface IFrequencyScoreQuery : IWidgetQuery<IReadOnlyList<CategoryCount>>;

/// <summary>Customers per M score.</summary>
public interface IMonetaryScoreQuery : IWidgetQuery<IReadOnlyList<CategoryCount>>;

/// <summary>Customers per recency bucket index.</summary>
public interface IRecencyBucketQuery : IWidgetQuery<IReadOnlyList<CategoryCount>>;

/// <summary>Customers per visits bucket index.</summary>
public interface IVisitBucketQuery : IWidgetQuery<IReadOnlyList<CategoryCount>>;

/// <summary>Customers per spend bucket index.</summary>
public interface ISpendBucketQuery : IWidgetQuery<IReadOnlyList<CategoryCount>>;

/// <summary>Returning customers per return-period bucket index.</summary>
public interface IReturnPeriodBucketQuery : IWidgetQuery<IReadOnlyList<CategoryCount>>;

/// <summary>Customers and spend per (R, F, M) cell; segments are derived from the cells.</summary>
public interface ISegmentQuery : IWidgetQuery<IReadOnlyList<RfmCell>>;

/// <summary>Active and newly acquired customers per fiscal year.</summary>
public interface IFiscalYearQuery : IWidgetQuery<IReadOnlyList<FiscalYearCount>>;
