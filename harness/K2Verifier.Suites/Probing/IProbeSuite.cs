using K2Verifier.Backends;

namespace K2Verifier.Suites.Probing;

/// <summary>A probe suite: the attempts it sends and how each answer is judged.</summary>
public interface IProbeSuite
{
    /// <summary>The suite's name (<c>params</c>, <c>schema</c>, <c>tokens</c>, <c>tool-choice</c>).</summary>
    string Name { get; }

    /// <summary>Every attempt, in a stable order.</summary>
    IReadOnlyList<ProbeCase> Cases();

    /// <summary>Judges what the deployment answered to <paramref name="probe"/>.</summary>
    ProbeVerdict Judge(ProbeCase probe, BackendResponse response);
}
