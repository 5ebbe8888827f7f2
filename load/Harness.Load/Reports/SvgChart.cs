using System.Globalization;
using System.Net;
using System.Text;

namespace Harness.Load.Reports;

/// <summary>A line series: label, colour and points in data coordinates.</summary>
internal sealed record ChartSeries(string Label, string Color, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);

/// <summary>An x-axis tick at a data position with its label.</summary>
internal sealed record ChartTick(double Value, string Label);

/// <summary>Self-contained inline SVG line charts: no scripts, fonts or external resources.</summary>
internal static class SvgChart
{
    private const double Width = 920;
    private const double Height = 300;
    private const double Left = 64;
    private const double Right = 20;
    private const double Top = 36;
    private const double Bottom = 44;

    /// <param name="shadeUntilX">Shades [0, x) (the warm-up) when set.</param>
    /// <param name="yCeiling">Scales the y axis to this value and clips what is above it (warm-up spikes).</param>
    public static string Line(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series,
        IReadOnlyList<ChartTick>? xTicks = null, double? shadeUntilX = null, double? yCeiling = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = series.SelectMany(s => s.Points).ToArray();
        var xMin = points.Length == 0 ? 0 : Math.Min(0, points.Min(p => p.X));
        var xMax = points.Length == 0 ? 1 : Math.Max(xMin + 1e-9, points.Max(p => p.X));
        var top = yCeiling ?? (points.Length == 0 ? 1 : points.Max(p => p.Y));
        var yTicks = NiceTicks(0, Math.Max(top, 1e-3));
        var yMax = yTicks[^1];
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(double x) => Left + ((x - xMin) / (xMax - xMin) * plotW);
        double Y(double y) => Top + plotH - (Math.Min(y, yMax) / yMax * plotH);

        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Esc(title)}\" class=\"chart\">"));
        svg.Append(F($"<text x=\"{Left}\" y=\"20\" class=\"title\">{Esc(title)}</text>"));
        if (shadeUntilX is > 0 and var shade)
        {
            svg.Append(F($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{X(Math.Min(shade, xMax)) - Left:0.#}\" height=\"{plotH}\" class=\"warmup\"/>"));
            svg.Append(F($"<text x=\"{Left + 4}\" y=\"{Top + 12}\" class=\"note\">warm-up</text>"));
        }

        foreach (var t in yTicks)
        {
            svg.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(t):0.#}\" y2=\"{Y(t):0.#}\" class=\"grid\"/>"));
            svg.Append(F($"<text x=\"{Left - 8}\" y=\"{Y(t) + 4:0.#}\" class=\"tick\" text-anchor=\"end\">{Number(t)}</text>"));
        }

        foreach (var t in xTicks ?? NiceTicks(xMin, xMax).Where(t => t <= xMax).Select(t => new ChartTick(t, Number(t))).ToArray())
        {
            svg.Append(F($"<line x1=\"{X(t.Value):0.#}\" x2=\"{X(t.Value):0.#}\" y1=\"{Top}\" y2=\"{Top + plotH}\" class=\"grid\"/>"));
            svg.Append(F($"<text x=\"{X(t.Value):0.#}\" y=\"{Top + plotH + 18}\" class=\"tick\" text-anchor=\"middle\">{Esc(t.Label)}</text>"));
        }

        svg.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + plotH}\" y2=\"{Top + plotH}\" class=\"axis\"/>"));
        svg.Append(F($"<text x=\"{Left + (plotW / 2)}\" y=\"{Height - 6}\" class=\"label\" text-anchor=\"middle\">{Esc(xLabel)}</text>"));
        svg.Append(F($"<text transform=\"translate(14 {Top + (plotH / 2)}) rotate(-90)\" class=\"label\" text-anchor=\"middle\">{Esc(yLabel)}</text>"));

        foreach (var s in series.Where(s => s.Points.Count > 0))
        {
            var path = string.Join(' ', s.Points.Select((p, i) => F($"{(i == 0 ? 'M' : 'L')}{X(p.X):0.#},{Y(p.Y):0.#}")));
            svg.Append(F($"<path d=\"{path}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2\" stroke-linejoin=\"round\"{(s.Dashed ? " stroke-dasharray=\"6 4\"" : "")}/>"));
        }

        var legendX = Width - Right;
        foreach (var s in series.Reverse())
        {
            var w = 26 + (s.Label.Length * 6.6);
            legendX -= w + 12;
            svg.Append(F($"<line x1=\"{legendX:0.#}\" x2=\"{legendX + 18:0.#}\" y1=\"16\" y2=\"16\" stroke=\"{s.Color}\" stroke-width=\"3\"{(s.Dashed ? " stroke-dasharray=\"5 3\"" : "")}/>"));
            svg.Append(F($"<text x=\"{legendX + 24:0.#}\" y=\"20\" class=\"legend\">{Esc(s.Label)}</text>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Round tick values (1, 2, 5 × 10ⁿ) from <paramref name="min"/> to at least <paramref name="max"/>.</summary>
    internal static double[] NiceTicks(double min, double max)
    {
        var range = Math.Max(max - min, 1e-9);
        var rough = range / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
        var ticks = new List<double>();
        var first = Math.Floor(min / step) * step;
        for (var t = first; ticks.Count < 12; t += step)
        {
            ticks.Add(Math.Round(t, 9));
            if (t >= max)
                break;
        }

        return [.. ticks];
    }

    private static string Number(double v) => v switch
    {
        >= 1_000_000 => F($"{v / 1_000_000:0.##}M"),
        >= 10_000 => F($"{v / 1_000:0.##}k"),
        _ => F($"{v:0.###}"),
    };

    private static string Esc(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
