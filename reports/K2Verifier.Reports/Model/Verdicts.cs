namespace K2Verifier.Reports.Model;

/// <summary>The verdict column's values.</summary>
public static class Verdicts
{
    public const string Valid = "valid";
    public const string Invalid = "invalid";
    public const string NotApplicable = "n.a.";
}
