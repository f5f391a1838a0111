namespace K2Verifier.Validation.CrossCheck;

/// <summary>A tool call whose verdict depends on the validator: what each said, and the class of the reason.</summary>
/// <param name="DataIndex">The row's data_index.</param>
/// <param name="CallIndex">The call's index in the response.</param>
/// <param name="ToolName">The tool called.</param>
/// <param name="Python">The python validator's verdict (valid, invalid, invalid_schema).</param>
/// <param name="Spec">The spec validator's verdict.</param>
/// <param name="Reason">One of <see cref="DisagreementReason"/>'s classes.</param>
/// <param name="Detail">The first message of the side that rejected the call.</param>
public sealed record ValidatorSensitiveCall(int DataIndex, int CallIndex, string? ToolName, string Python, string Spec, string Reason, string Detail);
