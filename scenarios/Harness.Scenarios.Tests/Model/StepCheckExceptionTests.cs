namespace Harness.Scenarios.Tests.Model;

public sealed class StepCheckExceptionTests
{
    [Fact]
    public void ThrowIfDifferent_ChecksThatPass_AllocateNothing()
    {
        // What the load journey's steps check on every call: status, premium, PNR, payment succeeded, offer count.
        var premium = decimal.Parse("12.34", System.Globalization.CultureInfo.InvariantCulture);
        var pnr = new string("ABC123".AsSpan());
        var status = CfarStatus.Created;
        var offers = 3;
        void Checks()
        {
            StepCheckException.ThrowIfDifferent("contract status", CfarStatus.Created, status);
            StepCheckException.ThrowIfDifferent("contract premium", 12.34m, premium);
            StepCheckException.ThrowIfDifferent("contract pnr_reference", "ABC123", pnr);
            StepCheckException.ThrowIfDifferent("payment succeeded", true, offers > 0);
            StepCheckException.ThrowIfFalse(offers > 0, "offer count", "at least 1", "0");
        }

        Checks();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Checks();
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0, "a passing check costs a comparison, not a message");
    }

    [Fact]
    public void ThrowIfDifferent_WrongPremium_ThrowsWithExpectedAndActual()
    {
        var check = () => StepCheckException.ThrowIfDifferent("contract premium", 12.34m, 13.5m);

        var thrown = check.Should().Throw<StepCheckException>().Which;
        thrown.Expected.Should().Be("contract premium 12.34");
        thrown.Actual.Should().Be("contract premium 13.5");
        thrown.Message.Should().Be("contract premium: expected 12.34, actual 13.5");
    }
}
