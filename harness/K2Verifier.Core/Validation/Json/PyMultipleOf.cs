using System.Numerics;

namespace K2Verifier.Validation.Json;

/// <summary>
/// python-jsonschema's <c>multipleOf</c>: a float divisor uses float division and <c>int(q) != q</c>, falling back to
/// exact fractions when the quotient overflows; an int divisor uses Python's <c>%</c>.
/// </summary>
internal static class PyMultipleOf
{
    public static bool IsMultiple(in PyNumber instance, in PyNumber divisor)
    {
        if (divisor.IsFloat)
        {
            var quotient = instance.ToDouble() / divisor.Double;
            if (double.IsInfinity(quotient))
            {
                return ExactQuotientIsInteger(instance, divisor.Double);
            }

            // int(nan) raises in Python; a NaN quotient (inf / x) is treated as "not a multiple".
            return !double.IsNaN(quotient) && Math.Truncate(quotient) == quotient;
        }

        if (instance.IsFloat)
        {
            var remainder = instance.Double % divisor.ToDouble();
            return remainder == 0;
        }

        if (instance.Kind == PyNumberKind.Long && divisor.Kind == PyNumberKind.Long)
        {
            return divisor.Long == -1 || instance.Long % divisor.Long == 0;
        }

        return BigInteger.Remainder(instance.Big, divisor.Big).IsZero;
    }

    private static bool ExactQuotientIsInteger(in PyNumber instance, double divisor)
    {
        if (instance.IsFloat && !double.IsFinite(instance.Double))
        {
            return false;
        }

        var (numMantissa, numExponent) = instance.IsFloat ? Decompose(instance.Double) : (instance.Big, 0);
        var (denMantissa, denExponent) = Decompose(divisor);
        var shift = numExponent - denExponent;
        var numerator = shift > 0 ? numMantissa << shift : numMantissa;
        var denominator = shift < 0 ? denMantissa << -shift : denMantissa;
        return !denominator.IsZero && BigInteger.Remainder(numerator, denominator).IsZero;
    }

    /// <summary>Splits a finite double into mantissa × 2^exponent exactly.</summary>
    private static (BigInteger Mantissa, int Exponent) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        var big = new BigInteger(mantissa);
        return (negative ? -big : big, exponent - 1075);
    }
}
