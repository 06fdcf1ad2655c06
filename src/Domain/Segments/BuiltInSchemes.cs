namespace CampaignDashboard.Domain.Segments;

/// <summary>The segment schemes every installation has (contract section 7), exactly as the contract lists them.</summary>
public static class BuiltInSchemes
{
    /// <summary>The contract's four segments, the default: the first rule that holds wins.</summary>
    public static SegmentScheme Contract { get; } = SegmentScheme.Create("contract",
    [
        new("CHAMPIONS", Ranges((3, 5), (3, 5), (3, 5))),
        new("POTENTIAL LOYALISTS", Ranges((2, 5), (2, 5), (1, 5))),
        new("NEW CUSTOMERS", Ranges((4, 5), (1, 5), (1, 5))),
        new("NEED ATTENTION", new Fallback()),
    ]);

    /// <summary>The R package rfm's ten segments (ranges R / F / M), then the fallback Others.</summary>
    public static SegmentScheme Rfm10 { get; } = SegmentScheme.Create("rfm10",
    [
        new("Champions", Ranges((5, 5), (5, 5), (5, 5))),
        new("Potential Loyalist", Ranges((3, 5), (3, 5), (2, 5))),
        new("Loyal Customers", Ranges((2, 4), (2, 4), (2, 4))),
        new("Promising", Ranges((3, 4), (1, 3), (3, 5))),
        new("New Customers", Ranges((4, 5), (1, 3), (1, 5))),
        new("Can't Lose Them", Ranges((1, 2), (3, 4), (4, 5))),
        new("At Risk", Ranges((1, 2), (2, 5), (4, 5))),
        new("Need Attention", Ranges((1, 3), (3, 5), (3, 5))),
        new("About To Sleep", Ranges((2, 3), (1, 3), (1, 4))),
        new("Lost", Ranges((1, 1), (1, 5), (1, 5))),
        new("Others", new Fallback()),
    ]);

    /// <summary>The eleven-segment scheme of Shopify, Bloomreach and Spotler: cell lists that cover the 125 cells exactly once.</summary>
    public static SegmentScheme Rfm11 { get; } = SegmentScheme.Create("rfm11",
    [
        new("Champions", Cells("555, 554, 544, 545, 454, 455, 445")),
        new("Loyal", Cells("543, 444, 435, 355, 354, 345, 344, 335")),
        new("Potential Loyalist", Cells(
            "553, 551, 552, 541, 542, 533, 532, 531, 452, 451, 442, 441, 431, 453, 433, 432, 423, 353, 352, 351, 342, 341, 333, 323")),
        new("New Customers", Cells("512, 511, 422, 421, 412, 411, 311")),
        new("Promising", Cells("525, 524, 523, 522, 521, 515, 514, 513, 425, 424, 413, 414, 415, 315, 314, 313")),
        new("Need Attention", Cells("535, 534, 443, 434, 343, 334, 325, 324")),
        new("About To Sleep", Cells("331, 321, 312, 221, 213")),
        new("At Risk", Cells(
            "255, 254, 245, 244, 253, 252, 243, 242, 235, 234, 225, 224, 153, 152, 145, 143, 142, 135, 134, 133, 125, 124")),
        new("Can't Lose Them", Cells("155, 154, 144, 214, 215, 115, 114, 113")),
        new("Hibernating", Cells("332, 322, 231, 241, 251, 233, 232, 223, 222, 132, 123, 122, 212, 211")),
        new("Lost", Cells("111, 112, 121, 131, 141, 151")),
    ]);

    public static IReadOnlyList<SegmentScheme> All { get; } = [Contract, Rfm10, Rfm11];

    private static ScoreRanges Ranges((int Min, int Max) r, (int Min, int Max) f, (int Min, int Max) m) =>
        new(new ScoreRange(r.Min, r.Max), new ScoreRange(f.Min, f.Max), new ScoreRange(m.Min, m.Max));

    private static CellList Cells(string cells) => new(cells.Split(", "));
}
