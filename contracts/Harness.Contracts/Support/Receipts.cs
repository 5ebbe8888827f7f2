namespace Harness.Contracts.Support;

/// <summary>The payout receipts are PDFs: the pact pins the content type, and the example is a minimal PDF.</summary>
public static class Receipts
{
    public const string PdfContentType = "application/pdf";

    public static byte[] ExamplePdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.4\n% contract example receipt\n%%EOF\n");
}
