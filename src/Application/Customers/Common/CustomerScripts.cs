namespace CampaignDashboard.Application.Customers.Common;

/// <summary>The engines' scripts of the customers list (Sql/&lt;engine&gt;/&lt;name&gt;.sql).</summary>
public static class CustomerScripts
{
    /// <summary>The customers of the selection, in an order, from an offset, at most a number of them.</summary>
    public const string List = "customers";

    /// <summary>How many customers the selection holds.</summary>
    public const string Count = "customers_count";
}
