using System.Reflection;
using CampaignDashboard.Application.Common.Caching;
using CampaignDashboard.Application.Dashboard.Filters;
using CampaignDashboard.Application.Dashboard.Queries.GetDashboard;
using CampaignDashboard.Application.Common.Options;
using CampaignDashboard.Domain.Buckets;
using CampaignDashboard.Domain.Rfm;
using CampaignDashboard.Domain.Segments;

namespace CampaignDashboard.UnitTests.Application;

/// <summary>The response cache key is derived from the whole filter: no member can be left out of it.</summary>
public sealed class ResponseCacheKeyTests
{
    private static readonly FilterParser Filters = new(
        new SegmentSchemes(Microsoft.Extensions.Options.Options.Create(new SegmentationOptions()), Microsoft.Extensions.Options.Options.Create(new ScoringOptions())),
        Microsoft.Extensions.Options.Options.Create(new DashboardOptions()));

    /// <summary>Every settable member of the filter, each given a value other than the unfiltered one.</summary>
    public static IEnumerable<TestCaseData> FilterMembers() =>
        typeof(DashboardFilter).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => new TestCaseData(p).SetArgDisplayNames(p.Name));

    [TestCaseSource(nameof(FilterMembers))]
    public void A_filter_that_differs_in_one_member_has_its_own_key(PropertyInfo member)
    {
        var (one, other) = SampleValues(member.PropertyType);
        var withOne = Unfiltered() with { };
        member.SetValue(withOne, one);
        var withOther = Unfiltered() with { };
        member.SetValue(withOther, other);

        Assert.Multiple(() =>
        {
            Assert.That(Key(withOne, 1), Is.Not.EqualTo(Key(Unfiltered(), 1)),
                $"{member.Name} given or not share a key");
            Assert.That(Key(withOne, 1), Is.Not.EqualTo(Key(withOther, 1)),
                $"two values of {member.Name} share a key");
        });
    }

    [Test]
    public void Filters_meaning_the_same_share_a_key()
    {
        var a = Filters.ToFilter(new GetDashboardQuery { FValueBucket = ["10+", " 1"], CustomerMobile = "+44 (7700) 900-123" });
        var b = Filters.ToFilter(new GetDashboardQuery { FValueBucket = ["1", "1", "10+ "], CustomerMobile = "447700900123" });

        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(Key(a, 7), Is.EqualTo(Key(b, 7)));
        });
    }

    [Test]
    public void The_data_version_is_part_of_the_key() =>
        Assert.That(Key(Unfiltered(), 1), Is.Not.EqualTo(Key(Unfiltered(), 2)));

    [Test]
    public void Separators_inside_a_name_cannot_make_two_filters_collide()
    {
        var name = Filters.ToFilter(new GetDashboardQuery { CustomerName = "x\",\"MobileDigits\":\"123456" });
        var mobile = Filters.ToFilter(new GetDashboardQuery { CustomerName = "x", CustomerMobile = "123456" });
        Assert.That(Key(name, 1), Is.Not.EqualTo(Key(mobile, 1)));
    }

    private static string Key(DashboardFilter filter, long dataVersion) => ResponseCacheKey.For("dashboard", filter, dataVersion);

    private static DashboardFilter Unfiltered() => Filters.ToFilter(new GetDashboardQuery());

    // A member of a new type fails here until it is given two samples: then the test above covers it too.
    private static (object One, object Other) SampleValues(Type type) => type switch
    {
        _ when type == typeof(DateOnly?) => (new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2)),
        _ when type == typeof(string) => ("smith", "jones"),
        _ when type == typeof(ValueSet<Bucket>) => (Buckets(0), Buckets(1)),
        _ when type == typeof(ValueSet<int>) => (new ValueSet<int>([1], Comparer<int>.Default), new ValueSet<int>([2], Comparer<int>.Default)),
        _ when type == typeof(SegmentScheme) => (BuiltInSchemes.Rfm10, BuiltInSchemes.Rfm11),
        _ when type == typeof(ScoreMethod) => (ScoreMethod.Ties, ScoreMethod.Ntile),
        _ when type == typeof(DateWindow) => (new DateWindow(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30)),
            new DateWindow(new DateOnly(2024, 1, 1), new DateOnly(2024, 7, 1))),
        _ when type == typeof(ValueSet<string>) => (new ValueSet<string>(["A"], StringComparer.Ordinal), new ValueSet<string>(["B"], StringComparer.Ordinal)),
        _ => throw new AssertionException($"No sample values for a filter member of type {type}: add them to this test."),
    };

    private static ValueSet<Bucket> Buckets(int index) =>
        new([BucketFamilies.Visits.Buckets[index]], Comparer<Bucket>.Create((a, b) => a.Index.CompareTo(b.Index)));
}
