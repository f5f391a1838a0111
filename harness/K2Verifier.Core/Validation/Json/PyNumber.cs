using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace K2Verifier.Validation.Json;

/// <summary>
/// A JSON number with Python's json-module semantics: a literal without <c>.</c>, <c>e</c> or <c>E</c> is an
/// arbitrary-precision int, anything else a float (IEEE double, overflow to infinity). Comparisons between int and
/// float are exact, as in Python.
/// </summary>
internal readonly struct PyNumber
{
    private readonly BigInteger _big;

    private PyNumber(PyNumberKind kind, long value, double real, BigInteger big)
    {
        Kind = kind;
        Long = value;
        Double = real;
        _big = big;
    }

    public PyNumberKind Kind { get; }

    public long Long { get; }

    public double Double { get; }

    public bool IsFloat => Kind == PyNumberKind.Float;

    /// <summary>True for an int, or a finite float with no fractional part (python-jsonschema's "integer").</summary>
    public bool IsIntegral => Kind != PyNumberKind.Float || (double.IsFinite(Double) && Math.Floor(Double) == Double);

    public BigInteger Big => Kind switch
    {
        PyNumberKind.Long => Long,
        PyNumberKind.BigInt => _big,
        _ => new BigInteger(Double),
    };

    /// <summary>The literal <see cref="K2Verifier.Json.PythonJsonLoads"/> writes for Python's <c>nan</c>.</summary>
    private static ReadOnlySpan<byte> NaNLiteral => "-0.0E-7777777777777777777"u8;

    public static PyNumber FromLong(long value) => new(PyNumberKind.Long, value, 0, default);

    public static PyNumber FromDouble(double value) => new(PyNumberKind.Float, 0, value, default);

    public static PyNumber FromBig(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? FromLong((long)value) : new(PyNumberKind.BigInt, 0, 0, value);

    /// <summary>Reads a number element (the caller checked <see cref="JsonValueKind.Number"/>).</summary>
    public static PyNumber Read(JsonElement element)
    {
        if (element.TryGetInt64(out var value))
        {
            return FromLong(value);
        }

        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.SequenceEqual(NaNLiteral))
        {
            return FromDouble(double.NaN);
        }

        if (raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0)
        {
            return FromDouble(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return FromBig(BigInteger.Parse(System.Text.Encoding.UTF8.GetString(raw), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    /// <summary>True when the element is a number Python would call an integer (1, 1.0, 1e20; not 1.5 or 1e400).</summary>
    public static bool IsIntegerElement(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        return raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 || Read(element).IsIntegral;
    }

    /// <summary>Python's float(x) for this number (a huge int becomes infinity where Python would raise).</summary>
    public double ToDouble() => Kind switch
    {
        PyNumberKind.Long => Long,
        PyNumberKind.BigInt => (double)_big,
        _ => Double,
    };

    /// <summary>Exact comparison, as Python compares int and float.</summary>
    public static int Compare(in PyNumber a, in PyNumber b)
    {
        if (a.Kind == PyNumberKind.Long && b.Kind == PyNumberKind.Long)
        {
            return a.Long.CompareTo(b.Long);
        }

        if (a.IsFloat && b.IsFloat)
        {
            return a.Double.CompareTo(b.Double);
        }

        if (a.IsFloat)
        {
            return -CompareIntFloat(b.Big, a.Double);
        }

        return b.IsFloat ? CompareIntFloat(a.Big, b.Double) : a.Big.CompareTo(b.Big);
    }

    public static bool NumericEquals(in PyNumber a, in PyNumber b) => Compare(a, b) == 0;

    private static int CompareIntFloat(BigInteger i, double d)
    {
        if (double.IsPositiveInfinity(d))
        {
            return -1;
        }

        if (double.IsNegativeInfinity(d))
        {
            return 1;
        }

        var floor = Math.Floor(d);
        var cmp = i.CompareTo(new BigInteger(floor));
        if (cmp != 0)
        {
            return cmp;
        }

        return floor == d ? 0 : -1;
    }

    public override string ToString() => PyRepr.Number(this);
}
