using System.Globalization;
using System.Text;
using K2Verifier.Templates.Runtime;

namespace K2Verifier.Templates.Library;

/// <summary>Python's <c>datetime.strftime</c> in the C locale, for <c>strftime_now</c>.</summary>
internal static class Strftime
{
    public static string Format(DateTime time, string format)
    {
        var culture = CultureInfo.InvariantCulture;
        var builder = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                builder.Append(format[i]);
                continue;
            }

            var code = format[++i];
            var noPad = code == '-' && i + 1 < format.Length;
            if (noPad)
            {
                code = format[++i];
            }

            string Pad(int value, int width) => noPad ? value.ToString(culture) : value.ToString(new string('0', width), culture);
            builder.Append(code switch
            {
                'Y' => time.Year.ToString(culture),
                'y' => Pad(time.Year % 100, 2),
                'm' => Pad(time.Month, 2),
                'd' => Pad(time.Day, 2),
                'e' => time.Day.ToString(culture).PadLeft(2),
                'H' => Pad(time.Hour, 2),
                'I' => Pad(time.Hour % 12 == 0 ? 12 : time.Hour % 12, 2),
                'M' => Pad(time.Minute, 2),
                'S' => Pad(time.Second, 2),
                'f' => (time.Ticks % TimeSpan.TicksPerSecond / 10).ToString("000000", culture),
                'p' => time.Hour < 12 ? "AM" : "PM",
                'j' => Pad(time.DayOfYear, 3),
                'a' => time.ToString("ddd", culture),
                'A' => time.ToString("dddd", culture),
                'b' or 'h' => time.ToString("MMM", culture),
                'B' => time.ToString("MMMM", culture),
                'w' => ((int)time.DayOfWeek).ToString(culture),
                'u' => (time.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)time.DayOfWeek).ToString(culture),
                'F' => time.ToString("yyyy-MM-dd", culture),
                'T' => time.ToString("HH:mm:ss", culture),
                'D' => time.ToString("MM/dd/yy", culture),
                'R' => time.ToString("HH:mm", culture),
                'c' => time.ToString("ddd MMM ", culture) + time.Day.ToString(culture).PadLeft(2) + time.ToString(" HH:mm:ss yyyy", culture),
                'x' => time.ToString("MM/dd/yy", culture),
                'X' => time.ToString("HH:mm:ss", culture),
                'n' => "\n",
                't' => "\t",
                '%' => "%",
                _ => throw JinjaError.Type($"strftime directive '%{code}' is not supported"),
            });
        }

        return builder.ToString();
    }
}
