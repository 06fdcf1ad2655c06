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
    public DynamicParameters Bind(string sql, DashboardFilter filter, DateOnly? asOfDate) => new(Values(sql, filter, asOfDate));

    /// <summary>
    /// The values of exactly the parameters <paramref name="sql"/> names: the filter's, and the statement's own
    /// (<paramref name="parameters"/>: a page, a sort key).
    /// </summary>
    public IReadOnlyDictionary<string, object?> Values(
        string sql, DashboardFilter filter, DateOnly? asOfDate, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var values = new Dictionary<string, object?>(DashboardSqlParameters.For(filter, asOfDate, options.Value.FiscalCalendar));
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            values.Add(name, value);
        }

        return DashboardSqlParameters.Select(sql, engine.ParameterPrefix, values);
    }
}
