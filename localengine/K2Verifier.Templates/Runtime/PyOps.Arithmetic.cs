namespace K2Verifier.Templates.Runtime;

/// <summary>Python arithmetic: int and float promotion, floor division and modulo, sequence repetition.</summary>
internal static partial class PyOps
{
    public static object? Binary(string op, object? a, object? b)
    {
        if (a is Undefined ua)
        {
            throw ua.Fail();
        }

        if (b is Undefined ub)
        {
            throw ub.Fail();
        }

        return op switch
        {
            "+" => Add(a, b),
            "-" => Numeric(op, a, b, (x, y) => checked(x - y), (x, y) => x - y),
            "*" => Multiply(a, b),
            "/" => TrueDivide(a, b),
            "//" => FloorDivide(a, b),
            "%" => a is string format ? PyFormat.Percent(format, b) : Modulo(a, b),
            "**" => Power(a, b),
            _ => throw new InvalidOperationException($"unknown operator {op}"),
        };
    }

    public static object? Negate(object? value, bool negative)
    {
        return value switch
        {
            Undefined u => throw u.Fail(),
            double d => (object)(negative ? -d : d),
            long or bool => negative ? checked(-ToLong(value)) : ToLong(value),
            _ => throw JinjaError.Type($"bad operand type for unary {(negative ? "-" : "+")}: '{PyRepr.TypeName(value)}'"),
        };
    }

    private static object? Add(object? a, object? b)
    {
        switch (a)
        {
            case string sa when b is string sb:
                return sa + sb;
            case List<object?> la when b is List<object?> lb:
                return new List<object?>([.. la, .. lb]);
            case PyTuple ta when b is PyTuple tb:
                return new PyTuple([.. ta, .. tb]);
            default:
                if (!IsNumber(a) || !IsNumber(b))
                {
                    throw JinjaError.Type(a is string
                        ? $"can only concatenate str (not \"{PyRepr.TypeName(b)}\") to str"
                        : $"unsupported operand type(s) for +: '{PyRepr.TypeName(a)}' and '{PyRepr.TypeName(b)}'");
                }

                return Numeric("+", a, b, (x, y) => checked(x + y), (x, y) => x + y);
        }
    }

    private static object? Multiply(object? a, object? b)
    {
        if (a is string or List<object?> or PyTuple && b is long or bool)
        {
            return Repeat(a, ToLong(b));
        }

        if (b is string or List<object?> or PyTuple && a is long or bool)
        {
            return Repeat(b, ToLong(a));
        }

        return Numeric("*", a, b, (x, y) => checked(x * y), (x, y) => x * y);
    }

    private static object Repeat(object? sequence, long times)
    {
        var count = (int)Math.Clamp(times, 0, 1_000_000);
        return sequence switch
        {
            string s => string.Concat(Enumerable.Repeat(s, count)),
            List<object?> list => Enumerable.Repeat(list, count).SelectMany(x => x).ToList(),
            _ => new PyTuple([.. Enumerable.Repeat((PyTuple)sequence!, count).SelectMany(x => x)]),
        };
    }

    private static object TrueDivide(object? a, object? b)
    {
        RequireNumbers("/", a, b);
        var divisor = ToDouble(b);
        return divisor == 0 ? throw JinjaError.Type("division by zero") : ToDouble(a) / divisor;
    }

    private static object FloorDivide(object? a, object? b)
    {
        RequireNumbers("//", a, b);
        if (a is double || b is double)
        {
            var divisor = ToDouble(b);
            return divisor == 0 ? throw JinjaError.Type("float floor division by zero") : Math.Floor(ToDouble(a) / divisor);
        }

        var y = ToLong(b);
        if (y == 0)
        {
            throw JinjaError.Type("integer division or modulo by zero");
        }

        var x = ToLong(a);
        var quotient = x / y;
        return (x % y != 0) && ((x < 0) != (y < 0)) ? quotient - 1 : quotient;
    }

    private static object Modulo(object? a, object? b)
    {
        RequireNumbers("%", a, b);
        if (a is double || b is double)
        {
            var divisor = ToDouble(b);
            if (divisor == 0)
            {
                throw JinjaError.Type("float modulo");
            }

            var r = ToDouble(a) % divisor;
            return r != 0 && (r < 0) != (divisor < 0) ? r + divisor : r;
        }

        var y = ToLong(b);
        if (y == 0)
        {
            throw JinjaError.Type("integer division or modulo by zero");
        }

        var m = ToLong(a) % y;
        return m != 0 && (m < 0) != (y < 0) ? m + y : m;
    }

    private static object Power(object? a, object? b)
    {
        RequireNumbers("**", a, b);
        if (a is double || b is double || ToLong(b) < 0)
        {
            return (object)Math.Pow(ToDouble(a), ToDouble(b));
        }

        long result = 1;
        var x = ToLong(a);
        for (var e = ToLong(b); e > 0; e--)
        {
            result = checked(result * x);
        }

        return result;
    }

    private static object Numeric(string op, object? a, object? b, Func<long, long, long> integer, Func<double, double, double> real)
    {
        RequireNumbers(op, a, b);
        try
        {
            return a is double || b is double ? (object)real(ToDouble(a), ToDouble(b)) : integer(ToLong(a), ToLong(b));
        }
        catch (OverflowException)
        {
            throw JinjaError.Type("integer overflow: values beyond 64 bits are not supported");
        }
    }

    private static void RequireNumbers(string op, object? a, object? b)
    {
        if (!IsNumber(a) || !IsNumber(b))
        {
            throw JinjaError.Type($"unsupported operand type(s) for {op}: '{PyRepr.TypeName(a)}' and '{PyRepr.TypeName(b)}'");
        }
    }
}
