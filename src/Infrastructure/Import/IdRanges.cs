namespace CampaignDashboard.Infrastructure.Import;

/// <summary>
/// Splits [first, last] into consecutive ranges holding about <c>perRange</c> of <c>count</c> ids each, assuming
/// they are spread evenly: large batches are then written one bounded join or aggregate at a time, so that they fit
/// a small memory limit.
/// </summary>
public static class IdRanges
{
    public static IEnumerable<(long First, long Last)> Split(long first, long last, long count, long perRange)
    {
        if (count <= 0 || last < first)
        {
            yield break;
        }

        var ranges = Math.Max(1, (count + perRange - 1) / perRange);
        var width = ((last - first) / ranges) + 1;
        for (var start = first; ; start += width)
        {
            var end = start > last - width ? last : start + width - 1;
            yield return (start, end);
            if (end == last)
            {
                yield break;
            }
        }
    }
}
