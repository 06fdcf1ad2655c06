using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Domain.Segments;
using Mediator;

namespace CampaignDashboard.Application.Segmentation.Queries.GetSegmentSchemes;

public sealed class GetSegmentSchemesQueryHandler(SegmentSchemes schemes) : IQueryHandler<GetSegmentSchemesQuery, SegmentSchemesDto>
{
    public ValueTask<SegmentSchemesDto> Handle(GetSegmentSchemesQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SegmentSchemesDto(
            schemes.Default.Name,
            schemes.DefaultMethod.Name(),
            schemes.All.Select(scheme => new SegmentSchemeDto(scheme.Name, scheme.Segments.Select(Describe).ToArray())).ToArray()));

    private static SegmentDto Describe(Segment segment) => segment.Rule switch
    {
        ScoreRanges ranges => new SegmentDto(segment.Label, "ranges", Bounds(ranges.R), Bounds(ranges.F), Bounds(ranges.M), null, ranges.ToString()),
        CellList cells => new SegmentDto(segment.Label, "cells", null, null, null, cells.Cells, $"cells {cells}"),
        _ => new SegmentDto(segment.Label, "fallback", null, null, null, null, segment.Rule.ToString()!),
    };

    private static int[] Bounds(ScoreRange range) => [range.Min, range.Max];
}
