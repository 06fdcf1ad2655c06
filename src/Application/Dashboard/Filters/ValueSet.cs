using System.Collections;

namespace CampaignDashboard.Application.Dashboard.Filters;

/// <summary>
/// The values a multi-valued filter selects: immutable, in a canonical order, compared by value. Two filters that
/// select the same values are equal and serialize alike, however the request listed them.
/// </summary>
public sealed class ValueSet<T> : IReadOnlyCollection<T>, IEquatable<ValueSet<T>>
    where T : notnull
{
    private readonly T[] _values;

    public ValueSet(IEnumerable<T> values, IComparer<T> order)
    {
        _values = values.Distinct().Order(order).ToArray();
    }

    /// <summary>No values: the filter is not given.</summary>
    public ValueSet()
        : this([], Comparer<T>.Default)
    {
    }

    public int Count => _values.Length;

    /// <summary>Whether the filter selects nothing, which means it does not narrow the selection.</summary>
    public bool IsEmpty => _values.Length == 0;

    public bool Contains(T value) => _values.Contains(value);

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueSet<T>? other) => other is not null && _values.SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as ValueSet<T>);

    public override int GetHashCode() => _values.Aggregate(0, (hash, value) => HashCode.Combine(hash, value));
}
