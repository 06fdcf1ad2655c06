using AutoMapper;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Ports;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Domain.Buckets;
using CampaignDashboard.Domain.Figures;
using CampaignDashboard.Domain.Rfm;

namespace CampaignDashboard.Application.Dashboard.Widgets;

/// <summary>
/// The score widgets (`r_score_data`, `f_score_data`, `m_score_data`: score 5 first) and the bucket widgets
/// (`r_value_bucket_data`, `visits_data`, `value_data`, `days_to_return_bucket_data`: in the family's order): customers
/// per category, every category listed, each with its share of its widget's customers. One statement counts all
/// seven in one pass over the selection.
/// </summary>
public sealed class DistributionsWidget(IMapper mapper) : SqlWidget<CategoryCount>("distributions")
{
    protected override DashboardPiece Fill(IReadOnlyList<CategoryCount> rows, DashboardFilter filter)
    {
        var recencyScores = Scores("r", RfmDimension.Recency);
        var frequencyScores = Scores("f", RfmDimension.Frequency);
        var monetaryScores = Scores("m", RfmDimension.Monetary);
        var recency = Buckets("recency", BucketFamilies.Recency);
        var visits = Buckets("visits", BucketFamilies.Visits);
        var spend = Buckets("spend", BucketFamilies.Spend);
        var returnPeriods = Buckets("return", BucketFamilies.ReturnPeriod);
        return dashboard => dashboard with
        {
            RScoreData = recencyScores,
            FScoreData = frequencyScores,
            MScoreData = monetaryScores,
            RValueBucketData = recency,
            VisitsData = visits,
            ValueData = spend,
            DaysToReturnBucketData = returnPeriods,
        };

        ScoreItemDto[] Scores(string family, RfmDimension dimension) =>
            Items<ScoreItemDto>(family, RfmScores.Descending.Select(score => (score, RfmScores.Label(dimension, score))));

        BucketItemDto[] Buckets(string family, BucketFamily buckets) =>
            Items<BucketItemDto>(family, buckets.Buckets.Select(bucket => (bucket.Index, bucket.Label)));

        TItem[] Items<TItem>(string family, IEnumerable<(int, string)> categories) =>
            CategoryShares.Of(categories, CategoryCount.Of(rows, family)).Select(mapper.Map<TItem>).ToArray();
    }
}
