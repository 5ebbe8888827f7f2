namespace Harness.Load.Tests.Distributed;

/// <summary>A well-formedness check for the HTML report: every element closed in order (void and self-closed ones aside).</summary>
internal static partial class HtmlShape
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase) { "meta", "br", "hr", "img", "input", "link" };

    /// <summary>Null when the document's tags balance, else what is wrong.</summary>
    public static string? Problem(string html)
    {
        if (!html.StartsWith("<!DOCTYPE html>", StringComparison.Ordinal))
            return "no <!DOCTYPE html>";
        var open = new Stack<string>();
        foreach (Match m in Tag().Matches(html))
        {
            var name = m.Groups["name"].Value.ToLowerInvariant();
            if (m.Groups["close"].Success)
            {
                if (open.Count == 0 || open.Peek() != name)
                    return $"</{name}> at {m.Index} closes <{(open.Count == 0 ? "nothing" : open.Peek())}>";
                open.Pop();
            }
            else if (!m.Groups["self"].Success && !Void.Contains(name))
            {
                open.Push(name);
            }
        }

        return open.Count == 0 ? null : $"unclosed <{string.Join(">, <", open)}>";
    }

    [GeneratedRegex("""<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*?)?(?<self>/)?>""")]
    private static partial Regex Tag();
}
