namespace K2Verifier.OrtGenAI.Doctor;

/// <summary>One line of the doctor's report.</summary>
/// <param name="Name">The check, e.g. <c>model files</c>.</param>
/// <param name="Status">PASS, WARN or FAIL.</param>
/// <param name="Message">What was found.</param>
/// <param name="Fix">How to fix it (null when there is nothing to fix).</param>
public sealed record DoctorCheck(string Name, DoctorStatus Status, string Message, string? Fix = null)
{
    public static DoctorCheck Pass(string name, string message) => new(name, DoctorStatus.Pass, message);

    public static DoctorCheck Warn(string name, string message, string fix) => new(name, DoctorStatus.Warn, message, fix);

    public static DoctorCheck Fail(string name, string message, string fix) => new(name, DoctorStatus.Fail, message, fix);

    /// <summary><c>FAIL model files: past.onnx is missing (fix: …)</c>.</summary>
    public override string ToString() =>
        $"{Status.ToString().ToUpperInvariant(),-4} {Name}: {Message}{(Fix is null ? string.Empty : $" (fix: {Fix})")}";
}
