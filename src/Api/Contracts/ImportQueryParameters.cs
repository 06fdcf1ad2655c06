using Microsoft.AspNetCore.Mvc;

namespace CampaignDashboard.Api.Contracts;

/// <summary>The query string of POST /api/imports (ADR 8).</summary>
public sealed class ImportQueryParameters
{
    public const string AllowUnknownCustomersName = "allow_unknown_customers";

    /// <summary>Accept transactions whose customer is in neither the database nor the customers file (`campaign import --allow-unknown-customers`).</summary>
    [FromQuery(Name = AllowUnknownCustomersName)]
    public bool AllowUnknownCustomers { get; init; }
}
