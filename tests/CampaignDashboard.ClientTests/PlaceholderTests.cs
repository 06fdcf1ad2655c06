namespace CampaignDashboard.ClientTests;

// Replaced by the client and browser tests.
internal static class Placeholder;
