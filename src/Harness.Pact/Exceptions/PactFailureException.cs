using Harness.Pact.Verifier;

namespace Harness.Pact.Exceptions;

/// <summary>
/// A pact was not honoured: PactNet's <c>PactFailureException</c>. The verifier throws it when the provider fails an
/// interaction (the message is the verifier's output naming interaction and field); the consumer DSL throws its
/// subclasses <see cref="PactVerificationException"/> and <see cref="PactMessageConsumerVerificationException"/>.
/// </summary>
public class PactFailureException : PactException
{
    public PactFailureException()
    {
    }

    public PactFailureException(string message)
        : base(message)
    {
    }

    public PactFailureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal PactFailureException(string message, PactVerificationResult result)
        : base(message)
    {
        Result = result;
    }

    /// <summary>Harness: the verifier's output and JSON report, when the verifier threw this.</summary>
    public PactVerificationResult? Result { get; }
}

/// <summary>The consumer's handler could not handle the message its pact describes: PactNet's exception of that name.</summary>
public class PactMessageConsumerVerificationException : PactFailureException
{
    public PactMessageConsumerVerificationException()
    {
    }

    public PactMessageConsumerVerificationException(string message)
        : base(message)
    {
    }

    public PactMessageConsumerVerificationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
