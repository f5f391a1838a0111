namespace K2Verifier.Datasets.Generation.Conversations;

/// <summary>A category of generated requests: its name, how many, whether a call is expected, and its builder.</summary>
internal sealed record CaseCategory(string Name, int Count, bool ExpectsCall, Func<ConversationBuilder, CaseDraft> Build);
