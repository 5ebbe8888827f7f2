using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Harness.Load.Reports;

/// <summary>Writes summary.json, report.md, report.csv and report.html into a run's folder.</summary>
internal static class ReportWriter
{
    public const string SummaryFile = "summary.json";

    public static async Task WriteAsync(RunReport report, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, SummaryFile), ToJson(report.Summary), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), MarkdownReport.Render(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.csv"), ToCsv(report.Series), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.html"), HtmlReport.Render(report), cancellationToken).ConfigureAwait(false);
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
