using System.Globalization;
using System.Text;
using System.Xml;

namespace K2Verifier.Charts.Svg;

/// <summary>
/// Writes SVG elements through an <see cref="XmlWriter"/>, so every label is escaped and the result is well-formed XML.
/// No XML declaration: the text can be saved as a .svg file or inlined in HTML as is.
/// </summary>
internal sealed class SvgWriter : IDisposable
{
    private const string Namespace = "http://www.w3.org/2000/svg";
    private readonly StringBuilder _text = new();
    private readonly XmlWriter _xml;

    public SvgWriter(string id, double width, double height, string title, string? description)
    {
        _xml = XmlWriter.Create(_text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, IndentChars = " ", NewLineChars = "\n", ConformanceLevel = ConformanceLevel.Document });
        _xml.WriteStartElement("svg", Namespace);
        Attribute("width", width);
        Attribute("height", height);
        _xml.WriteAttributeString("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {Number(width)} {Number(height)}"));
        _xml.WriteAttributeString("role", "img");
        _xml.WriteAttributeString("aria-labelledby", $"{id}-title");
        _xml.WriteAttributeString("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif");
        _xml.WriteAttributeString("font-size", "12");
        _xml.WriteAttributeString("class", "k2v-chart");
        _xml.WriteStartElement("title", Namespace);
        _xml.WriteAttributeString("id", $"{id}-title");
        _xml.WriteString(title);
        _xml.WriteEndElement();
        if (description is not null)
        {
            _xml.WriteElementString("desc", Namespace, description);
        }

        Rect(0, 0, width, height, "#ffffff");
    }

    /// <summary>A number as SVG wants it: invariant culture, at most two decimals.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public void Rect(double x, double y, double width, double height, string fill, string? tooltip = null, string? cssClass = null)
    {
        _xml.WriteStartElement("rect", Namespace);
        Attribute("x", x);
        Attribute("y", y);
        Attribute("width", Math.Max(0, width));
        Attribute("height", Math.Max(0, height));
        _xml.WriteAttributeString("fill", fill);
        if (cssClass is not null)
        {
            _xml.WriteAttributeString("class", cssClass);
        }

        Tooltip(tooltip);
        _xml.WriteEndElement();
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _xml.WriteStartElement("line", Namespace);
        Attribute("x1", x1);
        Attribute("y1", y1);
        Attribute("x2", x2);
        Attribute("y2", y2);
        _xml.WriteAttributeString("stroke", stroke);
        Attribute("stroke-width", width);
        if (dash is not null)
        {
            _xml.WriteAttributeString("stroke-dasharray", dash);
        }

        _xml.WriteEndElement();
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width, string? tooltip = null)
    {
        _xml.WriteStartElement("polyline", Namespace);
        _xml.WriteAttributeString("points", string.Join(' ', points.Select(p => $"{Number(p.X)},{Number(p.Y)}")));
        _xml.WriteAttributeString("fill", "none");
        _xml.WriteAttributeString("stroke", stroke);
        Attribute("stroke-width", width);
        _xml.WriteAttributeString("stroke-linejoin", "round");
        Tooltip(tooltip);
        _xml.WriteEndElement();
    }

    public void Circle(double cx, double cy, double r, string fill, string? tooltip = null)
    {
        _xml.WriteStartElement("circle", Namespace);
        Attribute("cx", cx);
        Attribute("cy", cy);
        Attribute("r", r);
        _xml.WriteAttributeString("fill", fill);
        Tooltip(tooltip);
        _xml.WriteEndElement();
    }

    /// <summary>A text element; <paramref name="anchor"/> is start, middle or end; <paramref name="rotate"/> in degrees about (x, y).</summary>
    public void Text(double x, double y, string text, string anchor = "start", double size = 12, string fill = "#222222", string? weight = null, double rotate = 0, string? tooltip = null)
    {
        _xml.WriteStartElement("text", Namespace);
        Attribute("x", x);
        Attribute("y", y);
        _xml.WriteAttributeString("text-anchor", anchor);
        Attribute("font-size", size);
        _xml.WriteAttributeString("fill", fill);
        if (weight is not null)
        {
            _xml.WriteAttributeString("font-weight", weight);
        }

        if (rotate != 0)
        {
            _xml.WriteAttributeString("transform", $"rotate({Number(rotate)} {Number(x)} {Number(y)})");
        }

        Tooltip(tooltip);
        _xml.WriteString(text);
        _xml.WriteEndElement();
    }

    /// <summary>Closes the document and returns its text (ending with a newline).</summary>
    public string Finish()
    {
        _xml.WriteEndElement();
        _xml.Flush();
        return _text.ToString() + "\n";
    }

    public void Dispose() => _xml.Dispose();

    private void Tooltip(string? tooltip)
    {
        if (tooltip is not null)
        {
            _xml.WriteElementString("title", Namespace, tooltip);
        }
    }

    private void Attribute(string name, double value) => _xml.WriteAttributeString(name, Number(value));
}
