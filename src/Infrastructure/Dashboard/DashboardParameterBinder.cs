using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.Options;

namespace CampaignDashboard.Infrastructure.Dashboard;

/// <summary>Binds a dashboard statement's parameters for the configured engine and fiscal calendar.</summary>
public sealed class DashboardParameterBinder(IDatabaseEngine engine, IOptions<DashboardOptions> options)
{
    /// <summary>Exactly the parameters <paramref name="sql"/> names, with this filter's values.</summary>
    public DynamicParameters Bind(string sql, DashboardFilter filter, DateOnly? asOfDate) =>
        DashboardSqlParameters.Bind(sql, engine.ParameterPrefix, DashboardSqlParameters.For(filter, asOfDate, options.Value.FiscalCalendar));
}
