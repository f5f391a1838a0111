namespace K2Verifier.Baselines;

/// <summary>What a baseline file holds.</summary>
public enum BaselineKind
{
    /// <summary>An official results.jsonl in K2VV format (ours or K2VV's): the reference deployment's answers.</summary>
    OfficialResults,

    /// <summary>An expectations file: <c>{"data_index", "expected_finish_reason", "category"?}</c> per line.</summary>
    Expectations,
}
