using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace CampaignDashboard.Infrastructure.Persistence.SqlServer;

/// <summary>Which SQL Server errors mean "unavailable for now" rather than a defect in a statement.</summary>
public static class SqlServerFaults
{
    // SQL Server error numbers that mean "not now": timeout, connection and network failures, deadlock victim,
    // lock request timeout, database unavailable or failing over, resource limits (Azure SQL included).
    private static readonly HashSet<int> Unavailable =
    [
        -2, -1, 2, 53, 64, 121, 233, 258, 1205, 1222, 4060, 4221, 10053, 10054, 10060, 10061, 10928, 10929, 11001,
        40143, 40197, 40501, 40540, 40613, 41301, 41302, 41305, 41325, 41839, 49918, 49919, 49920,
    ];

    /// <summary>Null when <paramref name="exception"/> is not SQL Server's.</summary>
    public static bool? IsUnavailable(DbException exception) => exception is SqlException sqlServer
        ? sqlServer.IsTransient
            || sqlServer.Class >= 20 // the connection was broken
            || sqlServer.Errors.Cast<SqlError>().Any(error => Unavailable.Contains(error.Number))
        : null;
}
