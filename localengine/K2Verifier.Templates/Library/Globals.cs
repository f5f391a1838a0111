using System.Globalization;
using K2Verifier.Templates.Evaluation;
using K2Verifier.Templates.Runtime;

namespace K2Verifier.Templates.Library;

/// <summary>
/// The globals of Hugging Face's chat-template environment: Jinja2's <c>range</c>, <c>dict</c> and <c>namespace</c>,
/// and Hugging Face's <c>raise_exception</c> and <c>strftime_now</c>.
/// </summary>
internal static class Globals
{
    /// <summary>The sandbox's cap on <c>range</c> lengths (Jinja2's <c>MAX_RANGE</c>).</summary>
    private const long MaxRange = 100_000;

    public static void AddTo(Scope scope, Evaluator evaluator)
    {
        scope.Set("range", new PyFunction("range", Range));
        scope.Set("dict", new PyFunction("dict", a => ToDict(a, "dict")));
        scope.Set("namespace", new PyFunction("namespace", a =>
        {
            var ns = new JinjaNamespace();
            foreach (var pair in ToDict(a, "namespace").Items)
            {
                ns.Attributes[pair.Key as string ?? throw JinjaError.Type("namespace keys must be strings")] = pair.Value;
            }

            return ns;
        }));
        scope.Set("raise_exception", new PyFunction("raise_exception", a =>
            throw new JinjaError(Templates.TemplateErrorKind.Raised, PyRepr.Str(a.Require(0, "message", "raise_exception")))));
        scope.Set("strftime_now", new PyFunction("strftime_now", a =>
            Strftime.Format(evaluator.TimeProvider.GetLocalNow().DateTime, PyRepr.Str(a.Require(0, "format", "strftime_now")))));
    }

    private static List<object?> Range(CallArguments arguments)
    {
        if (arguments.Keywords.Count > 0)
        {
            throw JinjaError.Type("range() takes no keyword arguments");
        }

        var args = arguments.Positional.Select(PyOps.ToLong).ToList();
        var (start, stop, step) = args.Count switch
        {
            1 => (0L, args[0], 1L),
            2 => (args[0], args[1], 1L),
            3 => (args[0], args[1], args[2]),
            _ => throw JinjaError.Type($"range expected at most 3 arguments, got {args.Count}"),
        };
        if (step == 0)
        {
            throw JinjaError.Type("range() arg 3 must not be zero");
        }

        var length = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
        if (length > MaxRange)
        {
            throw JinjaError.Type("Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
        }

        var result = new List<object?>();
        for (var i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            result.Add(i);
        }

        return result;
    }

    private static PyDict ToDict(CallArguments arguments, string name)
    {
        var dict = new PyDict();
        if (arguments.Positional.Count > 1)
        {
            throw JinjaError.Type($"{name} expected at most 1 argument, got {arguments.Positional.Count}");
        }

        if (arguments.Positional.Count == 1)
        {
            switch (arguments.Positional[0])
            {
                case PyDict source:
                    foreach (var pair in source.Items)
                    {
                        dict.Set(pair.Key, pair.Value);
                    }

                    break;
                case var pairs:
                    foreach (var pair in PyOps.Iterate(pairs))
                    {
                        var kv = PyOps.Iterate(pair).ToList();
                        dict.Set(kv.Count == 2 ? kv[0] : throw JinjaError.Type("dictionary update sequence element has wrong length"), kv[1]);
                    }

                    break;
            }
        }

        foreach (var pair in arguments.Keywords)
        {
            dict.Set(pair.Key, pair.Value);
        }

        return dict;
    }
}
