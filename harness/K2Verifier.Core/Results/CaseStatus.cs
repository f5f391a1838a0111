namespace K2Verifier.Results;

/// <summary>K2VV's row status values.</summary>
public static class CaseStatus
{
    /// <summary>The endpoint answered with a usable response.</summary>
    public const string Success = "success";

    /// <summary>The request failed after every allowed attempt.</summary>
    public const string Failed = "failed";
}
