namespace K2Verifier.Datasets.Generation.Text;

/// <summary>The phrases of one language that conversation builders draw from.</summary>
/// <param name="SystemPrompts">System prompts of assistants and agents.</param>
/// <param name="SmallTalk">Greetings and chit-chat that need no tool.</param>
/// <param name="Knowledge">Questions and tasks answerable from general knowledge alone.</param>
/// <param name="Unsafe">Harmful requests a model should refuse (phrased mildly; no operational detail).</param>
/// <param name="AfterResult">Assistant answers after a tool result.</param>
/// <param name="LongDocumentAsks">Questions about a long pasted document that need no tool.</param>
/// <param name="Reasoning">Short reasoning_content for historical assistant turns.</param>
/// <param name="ParallelJoin">Format joining two requests into one turn ({0} and {1}).</param>
internal sealed record TextPool(
    IReadOnlyList<string> SystemPrompts,
    IReadOnlyList<string> SmallTalk,
    IReadOnlyList<string> Knowledge,
    IReadOnlyList<string> Unsafe,
    IReadOnlyList<string> AfterResult,
    IReadOnlyList<string> LongDocumentAsks,
    IReadOnlyList<string> Reasoning,
    string ParallelJoin);
