namespace K2Verifier.OrtGenAI.Doctor;

/// <summary>The verdict of one doctor check.</summary>
public enum DoctorStatus
{
    /// <summary>The check passed.</summary>
    Pass,

    /// <summary>Usable, but something limits or surprises (the message says what it means).</summary>
    Warn,

    /// <summary>The folder cannot be served as it is; the doctor exits with code 2.</summary>
    Fail,
}
