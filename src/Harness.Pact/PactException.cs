namespace Harness.Pact;

/// <summary>The Pact engine could not do what was asked (start a mock server, write a pact file, ...).</summary>
public class PactException : Exception
{
    public PactException()
    {
    }

    public PactException(string message)
        : base(message)
    {
    }

    public PactException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
