using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Harness.Load.Reports;

/// <summary>Writes summary.json, report.md, report.csv and report.html into a run's folder.</summary>
internal static class ReportWriter
{
    public const string SummaryFile = "summary.json";

    /// <summary>Every format: summary.json, report.md, report.csv, report.html and report.txt.</summary>
    public static readonly IReadOnlyList<ReportFormat> AllFormats = [ReportFormat.Json, ReportFormat.Md, ReportFormat.Csv, ReportFormat.Html, ReportFormat.Txt];

    public static Task<IReadOnlyList<ReportFile>> WriteAsync(RunReport report, string directory, CancellationToken cancellationToken) =>
        WriteAsync(report, directory, AllFormats, "report", cancellationToken);

    /// <summary>Writes the chosen formats; Json is always <c>summary.json</c> (the baseline format), the others <c>&lt;fileName&gt;.&lt;ext&gt;</c>.</summary>
    public static async Task<IReadOnlyList<ReportFile>> WriteAsync(RunReport report, string directory, IReadOnlyList<ReportFormat> formats, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(formats);
        Directory.CreateDirectory(directory);
        var files = new List<ReportFile>();
        foreach (var format in formats.Distinct())
        {
            var (name, text) = format switch
            {
                ReportFormat.Json => (SummaryFile, ToJson(report.Summary)),
                ReportFormat.Md => (fileName + ".md", MarkdownReport.Render(report)),
                ReportFormat.Csv => (fileName + ".csv", ToCsv(report.Series)),
                ReportFormat.Html => (fileName + ".html", HtmlReport.Render(report)),
                ReportFormat.Txt => (fileName + ".txt", TextReport.Render(report)),
                _ => throw new ArgumentOutOfRangeException(nameof(formats), format, "unknown report format"),
            };
            var path = Path.GetFullPath(Path.Combine(directory, name));
            await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
            files.Add(new ReportFile(path, format));
        }

        return files;
    }

    public static string ToJson(RunSummary summary) => JsonSerializer.Serialize(summary, ReportJson.Options) + "\n";

    public static async Task<RunSummary> ReadSummaryAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"summary file not found: {path}", path);
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync<RunSummary>(stream, ReportJson.Options, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDataException($"{path} is empty");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path} is not a run summary: {ex.Message}", ex);
            }
        }
    }

    public static string ToCsv(IReadOnlyList<SeriesPoint> series)
    {
        var csv = new StringBuilder("second,phase,target_rate,started,completed,ok,fail,achieved_rate,p50_ms,p99_corrected_ms,p99_service_ms\n");
        foreach (var p in series)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{p.Second},{(p.WarmUp ? "warmup" : "measured")},{p.TargetRate},{p.Started},{p.Completed},{p.Ok},{p.Fail},{p.AchievedRate},{p.P50Ms:0.###},{p.P99CorrectedMs:0.###},{p.P99ServiceMs:0.###}\n");
        }

        return csv.ToString();
    }
}
