using System.Text;
using K2Verifier.Templates.Runtime;
using K2Verifier.Templates.Syntax;

namespace K2Verifier.Templates.Evaluation;

/// <summary>Calling functions and macros, and <c>{% call %}</c> blocks.</summary>
internal sealed partial class Evaluator
{
    public object? Call(object? callee, CallArguments arguments)
    {
        switch (callee)
        {
            case PyFunction function:
                return function.Invoke(arguments);
            case Macro macro:
                return CallMacro(macro, arguments, caller: null);
            case Undefined undefined:
                throw undefined.Fail();
            default:
                throw JinjaError.Type($"'{PyRepr.TypeName(callee)}' object is not callable");
        }
    }

    private object? CallWithCaller(CallBlockStmt call, Scope scope)
    {
        var caller = new Macro("caller", call.Parameters, call.Defaults, call.Body, scope);
        var target = Eval(call.Call.Target, scope);
        var arguments = BindArguments(call.Call.Args, scope);
        return target is Macro macro
            ? CallMacro(macro, arguments, caller)
            : Call(target, new CallArguments(arguments.Positional, [.. arguments.Keywords, new("caller", caller)]));
    }

    /// <summary>
    /// Binds arguments as Jinja2 does: positional, then by name, then defaults (evaluated in the macro's frame);
    /// a parameter left without a value is undefined; extra arguments go to <c>varargs</c> and <c>kwargs</c>.
    /// </summary>
    private string CallMacro(Macro macro, CallArguments arguments, Macro? caller)
    {
        if (++_callDepth > MaxCallDepth)
        {
            _callDepth = 0;
            throw JinjaError.Type("maximum recursion depth exceeded in macro calls");
        }

        if (arguments.Positional.Count > macro.Parameters.Count && !macro.CatchesVarargs)
        {
            throw JinjaError.Type($"macro '{macro.Name}' takes not more than {macro.Parameters.Count} argument(s)");
        }

        var returnLine = _line;
        var scope = new Scope(macro.Closure);
        var extraKeywords = new PyDict();
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < macro.Parameters.Count && i < arguments.Positional.Count; i++)
        {
            scope.Set(macro.Parameters[i], arguments.Positional[i]);
            assigned.Add(macro.Parameters[i]);
        }

        foreach (var (name, value) in arguments.Keywords)
        {
            if (name == "caller" && !macro.Parameters.Contains(name))
            {
                caller ??= value as Macro;
                continue;
            }

            if (!macro.Parameters.Contains(name))
            {
                extraKeywords.Set(name, value);
                if (!macro.CatchesKwargs)
                {
                    throw JinjaError.Type($"macro '{macro.Name}' takes no keyword argument '{name}'");
                }

                continue;
            }

            if (!assigned.Add(name))
            {
                throw JinjaError.Type($"macro '{macro.Name}' got multiple values for argument '{name}'");
            }

            scope.Set(name, value);
        }

        for (var i = 0; i < macro.Parameters.Count; i++)
        {
            if (!assigned.Contains(macro.Parameters[i]))
            {
                scope.Set(macro.Parameters[i], macro.Defaults[i] is { } fallback ? Eval(fallback, scope) : new Undefined(macro.Parameters[i]));
            }
        }

        scope.Set("varargs", new PyTuple([.. arguments.Positional.Skip(macro.Parameters.Count)]));
        scope.Set("kwargs", extraKeywords);
        if (caller is not null)
        {
            scope.Set("caller", caller);
        }

        var output = new StringBuilder();
        Execute(macro.Body, scope, output);
        _callDepth--;
        _line = returnLine;
        return output.ToString();
    }
}
