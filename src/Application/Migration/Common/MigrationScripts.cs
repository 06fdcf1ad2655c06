namespace CampaignDashboard.Application.Migration.Common;

/// <summary>The engines' scripts of the segment migration (Sql/&lt;engine&gt;/&lt;name&gt;.sql), each over the two snapshots' flow.</summary>
public static class MigrationScripts
{
    /// <summary>Customers per (from cell, to cell).</summary>
    public const string Migration = "migration";

    /// <summary>The customers of one flow, in an order, a page of them (or all, for the export).</summary>
    public const string Customers = "migration_customers";

    /// <summary>How many customers one flow holds.</summary>
    public const string CustomersCount = "migration_customers_count";
}
