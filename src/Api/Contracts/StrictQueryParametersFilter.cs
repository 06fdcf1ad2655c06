using System.Collections.Concurrent;
using System.Reflection;
using CampaignDashboard.Application.Common.Exceptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CampaignDashboard.Api.Contracts;

/// <summary>
/// Contract section 2: a query parameter the endpoint does not know, or a single-valued one given twice, is a 400
/// naming it, so that a typo (customer_nam=smith) cannot silently widen the selection. One rule for every action:
/// the parameters an action knows are the [FromQuery] names of its parameter record (this folder); an array
/// property takes repeated values, any other property one. Runs before model binding.
/// </summary>
public sealed class StrictQueryParametersFilter : IResourceFilter
{
    private readonly ConcurrentDictionary<ActionDescriptor, IReadOnlyDictionary<string, QueryParameter>> _parametersByAction = new();

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var known = _parametersByAction.GetOrAdd(context.ActionDescriptor, QueryParametersOf);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in context.HttpContext.Request.Query)
        {
            if (!known.TryGetValue(name, out var parameter))
            {
                errors[name] = [known.Count == 0
                    ? "is not a parameter of this endpoint, which takes none"
                    : $"is not a parameter of this endpoint; its parameters are {string.Join(", ", known.Keys)}"];
            }
            else if (!parameter.TakesRepeats && values.Count > 1)
            {
                errors[parameter.Name] = [$"is given {values.Count} times; it takes one value"];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    /// <summary>Each query parameter of the action's parameter records by name (ignoring case, as model binding does).</summary>
    private static IReadOnlyDictionary<string, QueryParameter> QueryParametersOf(ActionDescriptor action) =>
        action.Parameters
            .Where(parameter => parameter.BindingInfo?.BindingSource == BindingSource.Query)
            .SelectMany(parameter => parameter.ParameterType.GetProperties())
            .Select(property => (property.GetCustomAttribute<FromQueryAttribute>()?.Name, property.PropertyType.IsArray))
            .Where(property => property.Name is not null)
            .ToDictionary(property => property.Name!, property => new QueryParameter(property.Name!, property.IsArray), StringComparer.OrdinalIgnoreCase);

    private sealed record QueryParameter(string Name, bool TakesRepeats);
}
