namespace Harness.Sandbox.Admin;

/// <summary>
/// The provider-state rule (README "Provider states"): states set up by POST /_pact/provider-states hold for exactly
/// one API request. Setup calls arm them; the first airline or Atlas request after them is served with them and uses
/// them up; the next setup call or API request after that first returns the sandbox to what a teardown leaves (every
/// entity and switch forgotten, the tokens states registered dropped). So an interaction sees exactly the states its
/// setup calls described, whatever ran before it, with or without teardown calls, in any order. A sandbox on which no
/// state was ever set up never resets by itself (journeys and load runs).
/// </summary>
internal sealed class ProviderStateScope(Action reset)
{
    private const int Idle = 0;
    private const int Armed = 1;
    private const int Used = 2;

    private readonly Lock _gate = new();
    private int _phase = Idle;

    /// <summary>A setup call: the first one of an interaction starts from a reset sandbox; later ones add to it.</summary>
    public T Setup<T>(Func<T> apply)
    {
        lock (_gate)
        {
            if (_phase != Armed)
            {
                reset();
            }

            // Armed even when the state fails: the reset has happened, and a retry of the setup must not undo another.
            _phase = Armed;
            return apply();
        }
    }

    /// <summary>A setup call naming no state: an interaction without states begins, so what a previous one used goes.</summary>
    public void SetupNothing()
    {
        lock (_gate)
        {
            if (_phase == Used)
            {
                reset();
                _phase = Idle;
            }
        }
    }

    /// <summary>A teardown call: reset now, nothing armed.</summary>
    public void Teardown()
    {
        lock (_gate)
        {
            reset();
            _phase = Idle;
        }
    }

    /// <summary>
    /// Called as an API request begins (before faults, auth and the handler). Armed states are now in use by this
    /// request; states a previous request used are dropped before this one is served. One volatile read when idle.
    /// </summary>
    public void BeginRequest()
    {
        if (Volatile.Read(ref _phase) == Idle)
        {
            return;
        }

        lock (_gate)
        {
            if (_phase == Armed)
            {
                _phase = Used;
            }
            else if (_phase == Used)
            {
                reset();
                _phase = Idle;
            }
        }
    }
}
